package io.lrsweep.core.lrfind;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.model.Kernel;
import io.lrsweep.core.model.LossFunction;
import io.lrsweep.core.model.Network;
import io.lrsweep.core.optim.Optimizer;
import io.lrsweep.core.random.SplitMix64;
import io.lrsweep.core.train.TrialSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * The learning-rate range test: one run of the trial's model, loss and optimizer (time-based
 * decay, schedule and plateau control switched off) in which update {@code k} uses
 * {@link LrFinderSpec#learningRate(int)}, cycling through shuffled epochs of the training set. It
 * trains on the engine's own parts (layout, kernel, optimizer) and seed streams, so its first
 * update starts from the same weights and batch as the trial's.
 */
public final class LrFinder {

    /** The fewest points the steepest-descent reading skips at the start (fastai skips 10 as well). */
    private static final int SKIP_START = 10;

    private LrFinder() {}

    public static LrFinderResult run(LrFinderSpec spec, TrialSettings settings, Dataset train, long seed) {
        int n = train.rows();
        if (n < 1) {
            throw new IllegalArgumentException("the range test needs at least one training row");
        }
        int batchSize = Math.min(settings.training().batchSize(), n);
        Network net = new Network(settings.model(), train.featureCount(), train.classCount());
        Kernel kernel = new Kernel(net, batchSize);
        LossFunction lossFunction = settings.training().loss();
        double[] params = new double[net.parameterCount()];
        net.initialize(SplitMix64.stream(seed, "init"), params, 0);
        double[] grad = new double[params.length];
        Optimizer optimizer = new Optimizer(settings.optimizer().withDecay(0.0), net.parameterBlock());
        SplitMix64 shuffleRng = SplitMix64.stream(seed, "shuffle");
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }

        List<LrFinderResult.Point> curve = new ArrayList<>(spec.updates());
        double average = 0.0;
        double best = Double.POSITIVE_INFINITY;
        String stopReason = "reached lr_max";
        int start = n;
        for (int k = 0; k < spec.updates(); k++) {
            if (start >= n) {
                if (settings.training().shuffle()) {
                    shuffleRng.shuffle(order);
                }
                start = 0;
            }
            int count = Math.min(batchSize, n - start);
            double lr = spec.learningRate(k);
            kernel.loadBatch(train, order, start, count);
            kernel.trainStep(lossFunction, params, grad);
            double loss = kernel.lossSum() / count;
            optimizer.step(params, grad, lr);
            start += count;
            average = spec.smoothing() * average + (1.0 - spec.smoothing()) * loss;
            double smoothed = average / (1.0 - StrictMath.pow(spec.smoothing(), k + 1));
            curve.add(new LrFinderResult.Point(k + 1, lr, loss, smoothed));
            if (!Double.isFinite(smoothed)) {
                stopReason = "loss became non-finite at lr " + lr;
                break;
            }
            best = Math.min(best, smoothed);
            if (k > 0 && smoothed > spec.divergenceFactor() * best) {
                stopReason = "smoothed loss exceeded " + spec.divergenceFactor() + " x its best at lr " + lr;
                break;
            }
        }
        int skip = Math.max(SKIP_START, (int) Math.ceil(1.0 / (1.0 - spec.smoothing())));
        return new LrFinderResult(curve, steepest(curve, skip), minimum(curve), stopReason);
    }

    /**
     * The lr where d(smoothed loss)/d(log10 lr) is most negative, before the loss minimum. The
     * first {@code skip} points are left out: until the smoothing window has filled, the smoothed
     * loss rests on a handful of batches and its slope is noise. The slope is a difference over
     * a window of about 1/25 of the curve on each side, for the same reason.
     */
    static double steepest(List<LrFinderResult.Point> curve, int skip) {
        int m = finitePrefix(curve);
        if (m < 5) {
            return Double.NaN;
        }
        int argMin = argMinimum(curve, m);
        int first = Math.min(skip, m / 3);
        int w = Math.max(1, m / 25);
        double steepestSlope = Double.POSITIVE_INFINITY;
        double lr = Double.NaN;
        for (int i = Math.max(first, w); i < Math.max(first + 1, argMin) && i + w < m; i++) {
            double x0 = Math.log10(curve.get(i - w).lr());
            double x1 = Math.log10(curve.get(i + w).lr());
            double slope = (curve.get(i + w).smoothedLoss() - curve.get(i - w).smoothedLoss()) / (x1 - x0);
            if (slope < steepestSlope) {
                steepestSlope = slope;
                lr = curve.get(i).lr();
            }
        }
        return lr;
    }

    /** The lr at the smoothed loss minimum (the suggestion is a tenth of it). */
    static double minimum(List<LrFinderResult.Point> curve) {
        int m = finitePrefix(curve);
        return m < 5 ? Double.NaN : curve.get(argMinimum(curve, m)).lr();
    }

    private static int argMinimum(List<LrFinderResult.Point> curve, int m) {
        int arg = 0;
        for (int i = 1; i < m; i++) {
            if (curve.get(i).smoothedLoss() < curve.get(arg).smoothedLoss()) {
                arg = i;
            }
        }
        return arg;
    }

    private static int finitePrefix(List<LrFinderResult.Point> curve) {
        int m = 0;
        while (m < curve.size() && Double.isFinite(curve.get(m).smoothedLoss())) {
            m++;
        }
        return m;
    }
}
