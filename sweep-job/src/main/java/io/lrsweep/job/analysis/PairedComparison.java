package io.lrsweep.job.analysis;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.Map;

/**
 * A setting against the best one, seed by seed. Trials of the same seed share their initial weights
 * and batch order, so the difference of their costs, {@code d_s = cost(setting, s) - cost(best, s)},
 * leaves out most of what seeds add; its mean over the n seeds both finished, with Student's t
 * interval {@code mean +- t(0.975, n - 1) * sd / sqrt(n)}, tells whether the setting is worse than
 * the best at 95%. When the interval holds 0 the two cannot be told apart: {@code indistinguishable}.
 * With fewer than {@value #MIN_SEEDS} shared seeds there is no test ({@code indistinguishable} null):
 * with two, t(0.975, 1) = 12.7 and almost nothing is told apart, which would read as a tie where
 * nothing was measured.
 *
 * @param seeds            the seeds both finished
 * @param meanDifference   mean of d_s (cost units: positive means worse than the best)
 * @param low              lower end of the 95% interval of the mean difference (null without a test)
 * @param high             upper end
 * @param indistinguishable whether the interval holds 0; null without a test
 */
public record PairedComparison(int seeds, Double meanDifference, Double low, Double high, Boolean indistinguishable) {

    public static final int MIN_SEEDS = 3;

    /** The best against itself. */
    public static PairedComparison self(int seeds) {
        return new PairedComparison(seeds, 0.0, seeds >= MIN_SEEDS ? 0.0 : null, seeds >= MIN_SEEDS ? 0.0 : null,
                seeds >= MIN_SEEDS ? Boolean.TRUE : null);
    }

    /** A setting that is not recommendable (some seed did not end ok) is never tied with the best. */
    public static PairedComparison notOk() {
        return new PairedComparison(0, null, null, null, Boolean.FALSE);
    }

    public static PairedComparison of(Map<Long, Double> costs, Map<Long, Double> bestCosts) {
        int n = 0;
        double sum = 0.0;
        for (Map.Entry<Long, Double> e : costs.entrySet()) {
            Double b = bestCosts.get(e.getKey());
            if (b != null) {
                sum += e.getValue() - b;
                n++;
            }
        }
        if (n == 0) {
            return new PairedComparison(0, null, null, null, null);
        }
        double mean = sum / n;
        if (n < MIN_SEEDS) {
            return new PairedComparison(n, mean, null, null, null);
        }
        double ss = 0.0;
        for (Map.Entry<Long, Double> e : costs.entrySet()) {
            Double b = bestCosts.get(e.getKey());
            if (b != null) {
                double d = e.getValue() - b - mean;
                ss += d * d;
            }
        }
        double half = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (n - 1) / n);
        double low = mean - half;
        double high = mean + half;
        return new PairedComparison(n, mean, low, high, low <= 0.0 && high >= 0.0);
    }
}
