package io.lrsweep.job.analysis;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A setting against the best one, seed by seed. Trials of the same seed share their initial weights
 * and batch order, so comparing them seed by seed leaves out most of what seeds add. The test is
 * Student's paired t on the log of the cost ratio, {@code d_s = ln cost(setting, s) - ln cost(best, s)}:
 * the 95% interval {@code mean +- t(0.975, n - 1) * sd / sqrt(n)} over the n seeds both finished.
 * When it holds 0 the two cannot be told apart: {@code indistinguishable}. On the log scale because
 * seeds scale losses: a learning rate that learns nothing leaves each seed at its own initial loss
 * (2.5 on one, 6 on another), ten times the best's on every seed, yet the differences vary so much
 * that a test on them calls it a tie. Where a cost is 0 (an error rate of a perfect classifier) the
 * ratio does not exist and the test is on the differences of the costs instead.
 * With fewer than {@value #MIN_SEEDS} shared seeds there is no test ({@code indistinguishable}
 * null): with two, t(0.975, 1) = 12.7 and nothing measured would read as a tie.
 *
 * @param seeds             the seeds both finished
 * @param meanDifference    mean of the cost differences (positive: worse than the best)
 * @param ratio             the geometric mean of the cost ratios (null where a cost is 0)
 * @param ratioLow          its 95% interval's lower end (null without a test or a ratio)
 * @param ratioHigh         its upper end
 * @param indistinguishable whether the 95% interval holds no difference; null without a test
 */
public record PairedComparison(int seeds, Double meanDifference, Double ratio, Double ratioLow, Double ratioHigh,
                               Boolean indistinguishable) {

    public static final int MIN_SEEDS = 3;

    /** The best against itself. */
    public static PairedComparison self(int seeds) {
        boolean test = seeds >= MIN_SEEDS;
        return new PairedComparison(seeds, 0.0, 1.0, test ? 1.0 : null, test ? 1.0 : null, test ? Boolean.TRUE : null);
    }

    /** A setting that is not recommendable (some seed did not end ok) is never tied with the best. */
    public static PairedComparison notOk() {
        return new PairedComparison(0, null, null, null, null, Boolean.FALSE);
    }

    public static PairedComparison of(Map<Long, Double> costs, Map<Long, Double> bestCosts) {
        List<double[]> pairs = new ArrayList<>();
        boolean positive = true;
        for (Map.Entry<Long, Double> e : costs.entrySet()) {
            Double b = bestCosts.get(e.getKey());
            if (b != null) {
                pairs.add(new double[]{e.getValue(), b});
                positive &= e.getValue() > 0.0 && b > 0.0;
            }
        }
        int n = pairs.size();
        if (n == 0) {
            return new PairedComparison(0, null, null, null, null, null);
        }
        double[] diff = new double[n];
        double[] log = new double[n];
        for (int i = 0; i < n; i++) {
            diff[i] = pairs.get(i)[0] - pairs.get(i)[1];
            log[i] = positive ? Math.log(pairs.get(i)[0]) - Math.log(pairs.get(i)[1]) : Double.NaN;
        }
        double meanDiff = mean(diff);
        Double ratio = positive ? Math.exp(mean(log)) : null;
        if (n < MIN_SEEDS) {
            return new PairedComparison(n, meanDiff, ratio, null, null, null);
        }
        double[] tested = positive ? log : diff;
        double m = mean(tested);
        double ss = 0.0;
        for (double d : tested) {
            ss += (d - m) * (d - m);
        }
        double half = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (n - 1) / n);
        boolean tie = m - half <= 0.0 && m + half >= 0.0;
        return new PairedComparison(n, meanDiff, ratio, positive ? Math.exp(m - half) : null,
                positive ? Math.exp(m + half) : null, tie);
    }

    private static double mean(double[] v) {
        double s = 0.0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
