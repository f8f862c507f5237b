package io.lrsweep.core.train;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.model.Mlp;
import io.lrsweep.core.optim.Optimizer;
import io.lrsweep.core.optim.OptimizerSpec;
import io.lrsweep.core.random.SplitMix64;
import io.lrsweep.core.schedule.PlateauController;
import io.lrsweep.core.schedule.PlateauSpec;
import io.lrsweep.core.schedule.Schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains one MLP for one trial, Keras {@code fit} style, and returns its per-epoch history.
 *
 * <p>Per epoch: shuffle the training order (if enabled) from the trial's own stream; one update
 * per batch of {@code batch_size} rows (the last batch may be smaller); after the epoch a full
 * pass over the validation set; then the plateau controller, whose new lr applies from the next
 * epoch. The learning rate of an update is
 * {@code lr_base(epoch) / (1 + decay * t)} with {@code lr_base = plateau lr (or initial lr) *
 * schedule factor(epoch)}.
 *
 * <p>The result is a pure function of (settings, seed, data): the seed feeds two independent
 * streams, "init" for the weights and "shuffle" for the batch order. A non-finite loss or weight
 * ends the trial as DIVERGED, keeping the history up to and including the epoch it happened in.
 */
public final class Trainer {

    private Trainer() {}

    /** Runs the trial; never throws for a trial-level problem (a RuntimeException becomes FAILED). */
    public static TrialResult train(TrialSettings settings, Dataset train, Dataset validation, long seed) {
        long started = System.nanoTime();
        List<EpochRecord> history = new ArrayList<>(settings.training().epochs());
        int[] reductions = {0};
        EpochRecord[] initial = {null};
        try {
            return run(settings, train, validation, seed, initial, history, reductions, started);
        } catch (RuntimeException e) {
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            return new TrialResult(TrialStatus.FAILED, message, initial[0], history, null, reductions[0],
                    elapsedMillis(started), message);
        }
    }

    private static TrialResult run(TrialSettings settings, Dataset train, Dataset validation, long seed,
                                   EpochRecord[] initial, List<EpochRecord> history, int[] reductions, long started) {
        checkData(train, validation);
        TrainingSpec training = settings.training();
        int n = train.rows();
        int batchSize = Math.min(training.batchSize(), n);
        Mlp mlp = new Mlp(settings.model(), train.featureCount(), train.classCount(), batchSize);
        double[] params = mlp.initialParameters(SplitMix64.stream(seed, "init"));
        double[] grad = new double[params.length];
        Optimizer optimizer = new Optimizer(settings.optimizer(), params.length);
        PlateauSpec plateauSpec = settings.plateau();
        double initialLr = settings.optimizer().learningRate();
        PlateauController plateau = plateauSpec == null ? null : new PlateauController(plateauSpec, initialLr);
        Schedule schedule = training.schedule();
        SplitMix64 shuffleRng = SplitMix64.stream(seed, "shuffle");

        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] x = train.features();
        int[] y = train.labels();
        EpochTracker tracker = new EpochTracker(params.length);
        initial[0] = initialRecord(mlp, params, train, validation,
                OptimizerSpec.decayed(initialLr * schedule.factor(0), settings.optimizer().decay(), 0));
        boolean finite = allFinite(params) && Double.isFinite(initial[0].loss()) && Double.isFinite(initial[0].valLoss());

        for (int epoch = 0; finite && epoch < training.epochs(); epoch++) {
            if (training.shuffle()) {
                shuffleRng.shuffle(order);
            }
            tracker.beginEpoch(params);
            double baseLr = (plateau == null ? initialLr : plateau.learningRate()) * schedule.factor(epoch);
            double lossSum = 0.0;
            int correct = 0;
            double lastLr = baseLr;
            for (int start = 0; start < n; start += batchSize) {
                int count = Math.min(batchSize, n - start);
                double batchLoss = mlp.forwardBackward(params, grad, x, y, order, start, count);
                // Keras logs the batch's mean loss; the epoch value is their batch-size weighted mean,
                // i.e. the sum of per-row losses over the epoch divided by n.
                lossSum += batchLoss;
                correct += mlp.lastCorrect();
                tracker.onGradient(grad);
                lastLr = optimizer.step(params, grad, baseLr);
                if (!Double.isFinite(batchLoss)) {
                    finite = false;
                    break;
                }
            }
            finite = finite && allFinite(params);
            double valLoss = mlp.evaluate(params, validation.features(), validation.labels(), validation.rows())
                    / validation.rows();
            double valAccuracy = (double) mlp.lastCorrect() / validation.rows();
            double loss = lossSum / n;
            double accuracy = (double) correct / n;
            history.add(new EpochRecord(epoch + 1, lastLr, loss, accuracy, valLoss, valAccuracy, tracker.gradNorm(),
                    EpochTracker.norm(params)));
            tracker.endEpoch(epoch + 1, params);
            if (!finite || !Double.isFinite(loss) || !Double.isFinite(valLoss)) {
                finite = false;
                break;
            }
            if (plateau != null) {
                plateau.onEpochEnd(monitored(plateauSpec, loss, accuracy, valLoss, valAccuracy));
                reductions[0] = plateau.reductions();
            }
        }
        Integer frozen = finite ? tracker.frozenFrom() : null;
        OutcomeRules.Verdict verdict = OutcomeRules.judge(initial[0], history, finite, frozen);
        return new TrialResult(verdict.status(), verdict.reason(), initial[0], history, frozen, reductions[0],
                elapsedMillis(started), null);
    }

    /** Epoch 0: the net before any update, over the training rows and the validation rows. */
    static EpochRecord initialRecord(Mlp mlp, double[] params, Dataset train, Dataset validation, double firstLr) {
        double loss = mlp.evaluate(params, train.features(), train.labels(), train.rows()) / train.rows();
        double accuracy = (double) mlp.lastCorrect() / train.rows();
        double valLoss = mlp.evaluate(params, validation.features(), validation.labels(), validation.rows()) / validation.rows();
        double valAccuracy = (double) mlp.lastCorrect() / validation.rows();
        return new EpochRecord(0, firstLr, loss, accuracy, valLoss, valAccuracy, Double.NaN, EpochTracker.norm(params));
    }

    static double monitored(PlateauSpec spec, double loss, double accuracy, double valLoss, double valAccuracy) {
        return switch (spec.monitor()) {
            case VAL_LOSS -> valLoss;
            case LOSS -> loss;
            case VAL_ACCURACY -> valAccuracy;
            case ACCURACY -> accuracy;
        };
    }

    static void checkData(Dataset train, Dataset validation) {
        if (train.rows() < 1 || validation.rows() < 1) {
            throw new IllegalArgumentException("training and validation sets need at least one row each, got "
                    + train.rows() + " and " + validation.rows());
        }
        if (train.featureCount() != validation.featureCount() || train.classCount() != validation.classCount()) {
            throw new IllegalArgumentException("training and validation sets differ in shape");
        }
    }

    static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000L;
    }
}
