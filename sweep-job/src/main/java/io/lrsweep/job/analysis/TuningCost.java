package io.lrsweep.job.analysis;

import io.lrsweep.job.run.TrialRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What tuning costs (issue 13, item 5), per optimizer and schedule: the expected best metric found
 * by k grid points drawn at random without replacement from that optimizer's grid (its other axes,
 * the lr among them), for k = 1..n, exact over the grid; and the time to the target accuracy.
 *
 * <p>A grid point's value is its mean over seeds of the metric's cost capped at the untrained net's
 * (a diverged or failed seed counts as the untrained net, as in {@link LrSensitivity}), so that one
 * point that diverged costs what it teaches, not infinity. Where the untrained net is unknown the
 * point's plain mean over finished seeds is used, and a point with none is left out. With the
 * values sorted ascending, v_1 <= ... <= v_n, the best of k draws is v_i with probability
 * C(n-i, k-1) / C(n, k) (the other k-1 draws all come from the n-i worse points), so
 * E[best of k] = sum_i v_i C(n-i, k-1) / C(n, k).
 *
 * @param optimizer     the group's optimizer
 * @param schedule      the group's schedule (null when the trials have no schedule column)
 * @param values        the grid points' values on the metric's scale, best first
 * @param expected      E[best of k] for k = 1..n, on the metric's scale (index k-1)
 * @param reaching      grid points whose every seed reached the target accuracy
 * @param fastest       the grid point reaching the target in the fewest epochs (mean over seeds), or null
 * @param best          the grid point with the best value
 */
public record TuningCost(String optimizer, String schedule, List<Double> values, double[] expected, int unvalued,
                         int reaching, TimeToTarget fastest, TimeToTarget best) {

    /** A grid point's time to the target accuracy, mean over its seeds (null where some seed did not reach it). */
    public record TimeToTarget(String setting, double value, Double epochs, Double seconds) {}

    public static List<TuningCost> of(Ranking ranking, CurveDigest digest) {
        Metric metric = ranking.metric();
        Map<List<Object>, List<SettingTrials>> groups = new LinkedHashMap<>();
        SettingAxis schedule = SettingAxes.named("schedule");
        for (SettingTrials s : ranking.settings()) {
            groups.computeIfAbsent(Arrays.asList(s.setting().optimizer(), s.setting().get(schedule)), k -> new ArrayList<>())
                    .add(s);
        }
        List<TuningCost> out = new ArrayList<>();
        for (Map.Entry<List<Object>, List<SettingTrials>> g : groups.entrySet()) {
            List<double[]> costs = new ArrayList<>();
            List<TimeToTarget> times = new ArrayList<>();
            int unvalued = 0;
            for (SettingTrials s : g.getValue()) {
                double cost = cappedCost(s, metric, digest);
                if (Double.isNaN(cost)) {
                    unvalued++;
                    continue;
                }
                costs.add(new double[]{cost, times.size()});
                times.add(timeToTarget(ranking.describe(s.setting()), metric.value(cost), s, digest));
            }
            if (costs.isEmpty()) {
                continue;
            }
            costs.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] sorted = costs.stream().mapToDouble(c -> c[0]).toArray();
            List<Double> values = new ArrayList<>();
            for (double c : sorted) {
                values.add(metric.value(c));
            }
            double[] expected = new double[sorted.length];
            for (int k = 1; k <= sorted.length; k++) {
                expected[k - 1] = metric.value(expectedBest(sorted, k));
            }
            TimeToTarget fastest = null;
            int reaching = 0;
            for (TimeToTarget t : times) {
                if (t.epochs() != null) {
                    reaching++;
                    if (fastest == null || t.epochs() < fastest.epochs()) {
                        fastest = t;
                    }
                }
            }
            out.add(new TuningCost((String) g.getKey().get(0), (String) g.getKey().get(1), List.copyOf(values), expected,
                    unvalued, reaching, fastest, times.get((int) costs.get(0)[1])));
        }
        return out;
    }

    /**
     * The expected minimum of k values drawn without replacement from {@code ascending} (sorted, lowest
     * first), exactly: the i-th (1-based) is the minimum with probability C(n-i, k-1) / C(n, k),
     * computed as the ratio P(1) = k/n, P(i+1) = P(i) (n-i-k+1) / (n-i).
     */
    public static double expectedBest(double[] ascending, int k) {
        int n = ascending.length;
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
        }
        double p = (double) k / n;
        double sum = 0.0;
        for (int i = 1; i <= n && p > 0.0; i++) {
            sum += p * ascending[i - 1];
            p = i < n ? p * (n - i - k + 1) / (n - i) : 0.0;
        }
        return sum;
    }

    /** The seed mean of the cost capped at the untrained net's (unfinished seeds at it); NaN when it cannot be had. */
    static double cappedCost(SettingTrials s, Metric metric, CurveDigest digest) {
        LrCurve c = new LrCurve(List.of(s), SetupValues.initialCosts(List.of(s), metric, digest));
        if (c.initialKnown()) {
            return LrSensitivity.capped(c, 0);
        }
        return s.meanCost();
    }

    private static TimeToTarget timeToTarget(String setting, double value, SettingTrials s, CurveDigest digest) {
        double epochs = 0.0;
        double seconds = 0.0;
        for (TrialRow t : s.bySeed().values()) {
            Integer e = digest.trial(t.trialId()).epochsToTarget();
            if (e == null || t.epochsCompleted() <= 0) {
                return new TimeToTarget(setting, value, null, null);
            }
            epochs += e;
            seconds += e * (t.trainMillis() / 1000.0) / t.epochsCompleted();
        }
        int n = s.trials();
        return new TimeToTarget(setting, value, epochs / n, seconds / n);
    }
}
