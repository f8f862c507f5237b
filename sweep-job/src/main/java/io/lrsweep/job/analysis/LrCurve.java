package io.lrsweep.job.analysis;

import io.lrsweep.core.train.TrialStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * One setup's settings (everything but the learning rate) along the learning rate: per swept lr,
 * the cost of each seed whose trial finished, the seeds whose trial did not end ok, and means over
 * the finished seeds ({@link Outcome}). An lr is <b>eligible</b> (may be best, in the basin, stable)
 * when every one of its seeds ended ok.
 */
final class LrCurve {
    final double[] lrs;
    final List<SettingTrials> settings;
    final long[] seeds;
    final double[] meanCost;
    /** Per lr: cost per seed of the finished trials. */
    final List<Map<Long, Double>> costs = new ArrayList<>();
    /** Per lr: seeds whose trial did not end ok. */
    final List<TreeSet<Long>> notOk = new ArrayList<>();
    /** Per lr: seeds whose trial did not finish (diverged, failed). */
    final List<TreeSet<Long>> unfinished = new ArrayList<>();
    /** The metric's cost of the net before any update, per seed (absent where unknown). */
    final Map<Long, Double> initialCost;

    LrCurve(List<SettingTrials> alongLr, Map<Long, Double> initialCost) {
        this.settings = new ArrayList<>(alongLr);
        this.settings.sort((a, b) -> Double.compare(a.setting().learningRate(), b.setting().learningRate()));
        this.lrs = settings.stream().mapToDouble(s -> s.setting().learningRate()).toArray();
        this.meanCost = new double[lrs.length];
        this.initialCost = initialCost;
        TreeSet<Long> allSeeds = new TreeSet<>();
        for (int i = 0; i < lrs.length; i++) {
            SettingTrials s = settings.get(i);
            TreeSet<Long> bad = new TreeSet<>();
            TreeSet<Long> gone = new TreeSet<>();
            s.bySeed().forEach((seed, t) -> {
                TrialStatus status = Outcome.of(t.status());
                if (status != TrialStatus.OK) {
                    bad.add(seed);
                }
                if (!Outcome.finished(status)) {
                    gone.add(seed);
                }
            });
            allSeeds.addAll(s.bySeed().keySet());
            costs.add(new TreeMap<>(s.costs()));
            notOk.add(bad);
            unfinished.add(gone);
            meanCost[i] = s.meanCost();
        }
        this.seeds = allSeeds.stream().mapToLong(Long::longValue).toArray();
    }

    int size() {
        return lrs.length;
    }

    boolean eligible(int i) {
        return settings.get(i).recommendable();
    }

    /** The eligible lr with the lowest mean cost (the smallest lr on ties), or -1. */
    int best() {
        return argMin(meanCost, this::eligible);
    }

    /**
     * The mean cost at lr {@code i} over a resample of seeds (with repeats), or NaN when a drawn
     * seed did not end ok there or no drawn seed ran there.
     */
    double resampledMean(int i, long[] drawn) {
        double sum = 0.0;
        int n = 0;
        for (long s : drawn) {
            if (notOk.get(i).contains(s)) {
                return Double.NaN;
            }
            Double v = costs.get(i).get(s);
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Whether every seed that ran has a known initial cost. */
    boolean initialKnown() {
        for (long s : seeds) {
            if (!initialCost.containsKey(s)) {
                return false;
            }
        }
        return seeds.length > 0;
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
}
