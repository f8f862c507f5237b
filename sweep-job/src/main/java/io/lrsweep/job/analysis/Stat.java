package io.lrsweep.job.analysis;

import java.util.Collection;

/**
 * One value over seeds: mean, sample standard deviation, extremes, and the seed bootstrap's 95%
 * interval of the mean ({@link SeedInterval}). Everything is null without values; {@code std} needs
 * two values and the interval three.
 */
public record Stat(int n, Double mean, Double std, Double min, Double max, Double ciLow, Double ciHigh) {

    public static final Stat NONE = new Stat(0, null, null, null, null, null, null);

    public static Stat of(Collection<Double> values) {
        return of(values, true);
    }

    /** Without the interval (for values whose interval nobody reads). */
    public static Stat plain(Collection<Double> values) {
        return of(values, false);
    }

    private static Stat of(Collection<Double> values, boolean interval) {
        int n = values.size();
        if (n == 0) {
            return NONE;
        }
        double sum = 0.0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / n;
        Double std = null;
        if (n >= 2) {
            double ss = 0.0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            std = Math.sqrt(ss / (n - 1));
        }
        double[] ci = interval ? SeedInterval.of(values) : null;
        return new Stat(n, mean, std, min, max, ci == null ? null : ci[0], ci == null ? null : ci[1]);
    }
}
