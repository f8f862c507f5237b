package io.lrsweep.job.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * One optimizer/setup's trials arranged along the learning rate: per swept lr, the final and best
 * val_loss of each seed whose trial ended ok, and the seeds whose trial did not (diverged or
 * failed). Means are over ok seeds only; an lr with any non-ok seed is not eligible to be "best",
 * because a setting that diverges on some seeds is not a safe recommendation.
 */
final class LrCurve {

    /**
     * One trial as the U-curve sees it ({@code status} as in {@code trials/}); the initial values
     * (of the seed's untrained model) are null when unknown.
     */
    record Point(double lr, long seed, String status, double finalValLoss, double bestValLoss, double finalValAccuracy,
                 Double initValLoss, Double initValAccuracy) {
        boolean ok() {
            return "ok".equals(status);
        }
    }

    final double[] lrs;
    final List<Map<Long, Double>> finals = new ArrayList<>();
    final List<Map<Long, Double>> bests = new ArrayList<>();
    final List<TreeSet<Long>> bad = new ArrayList<>();
    final double[] meanFinal;
    final double[] meanBest;
    final double[] meanAccuracy;
    final long[] seeds;
    /** Loss at initialisation per seed; seeds without one are absent. */
    final Map<Long, Double> init = new HashMap<>();
    /** Validation accuracy at initialisation per seed; seeds without one are absent. */
    final Map<Long, Double> initAccuracy = new HashMap<>();

    private LrCurve(double[] lrs, long[] seeds) {
        this.lrs = lrs;
        this.seeds = seeds;
        this.meanFinal = new double[lrs.length];
        this.meanBest = new double[lrs.length];
        this.meanAccuracy = new double[lrs.length];
    }

    static LrCurve of(List<Point> points) {
        TreeMap<Double, List<Point>> byLr = new TreeMap<>();
        TreeSet<Long> seedSet = new TreeSet<>();
        for (Point p : points) {
            byLr.computeIfAbsent(p.lr(), k -> new ArrayList<>()).add(p);
            seedSet.add(p.seed());
        }
        LrCurve c = new LrCurve(byLr.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                seedSet.stream().mapToLong(Long::longValue).toArray());
        int i = 0;
        for (List<Point> atLr : byLr.values()) {
            Map<Long, Double> f = new TreeMap<>();
            Map<Long, Double> b = new TreeMap<>();
            Map<Long, Double> a = new TreeMap<>();
            TreeSet<Long> nonOk = new TreeSet<>();
            for (Point p : atLr) {
                if (p.ok()) {
                    f.put(p.seed(), p.finalValLoss());
                    b.put(p.seed(), p.bestValLoss());
                    a.put(p.seed(), p.finalValAccuracy());
                } else {
                    nonOk.add(p.seed());
                }
                if (p.initValLoss() != null && p.initValAccuracy() != null) {
                    c.init.put(p.seed(), p.initValLoss());
                    c.initAccuracy.put(p.seed(), p.initValAccuracy());
                }
            }
            c.finals.add(f);
            c.bests.add(b);
            c.bad.add(nonOk);
            c.meanFinal[i] = mean(f.values());
            c.meanBest[i] = mean(b.values());
            c.meanAccuracy[i] = mean(a.values());
            i++;
        }
        return c;
    }

    int size() {
        return lrs.length;
    }

    /** No seed diverged or failed at this lr, and at least one ended ok. */
    boolean eligible(int i) {
        return bad.get(i).isEmpty() && !finals.get(i).isEmpty();
    }

    int trials(int i) {
        return finals.get(i).size() + bad.get(i).size();
    }

    /** The eligible lr with the lowest mean final val_loss (the first on ties), or -1. */
    int best() {
        return argMin(meanFinal, this::eligible);
    }

    /**
     * The mean final val_loss at lr {@code i} over a resample of seeds (with repeats), or NaN when
     * a drawn seed diverged there or no drawn seed ran there.
     */
    double resampledMean(int i, long[] drawn) {
        double sum = 0.0;
        int n = 0;
        for (long s : drawn) {
            if (bad.get(i).contains(s)) {
                return Double.NaN;
            }
            Double v = finals.get(i).get(s);
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Whether every seed that ran has a loss at initialisation. */
    boolean initKnown() {
        for (long s : seeds) {
            if (!init.containsKey(s)) {
                return false;
            }
        }
        return seeds.length > 0;
    }

    double meanInit() {
        return mean(init.values());
    }

    double meanInitAccuracy() {
        return mean(initAccuracy.values());
    }

    static int argMin(double[] values, IntPredicate allowed) {
        int arg = -1;
        for (int i = 0; i < values.length; i++) {
            if (allowed.test(i) && !Double.isNaN(values[i]) && (arg < 0 || values[i] < values[arg])) {
                arg = i;
            }
        }
        return arg;
    }

    static double mean(Collection<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double s = 0.0;
        for (double v : values) {
            s += v;
        }
        return s / values.size();
    }

    @Override
    public String toString() {
        return "LrCurve" + Arrays.toString(lrs);
    }
}
