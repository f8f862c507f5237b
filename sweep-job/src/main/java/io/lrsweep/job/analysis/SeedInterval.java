package io.lrsweep.job.analysis;

import io.lrsweep.core.random.SplitMix64;

import java.util.Arrays;
import java.util.Collection;

/**
 * The 95% interval of a mean over seeds by the percentile bootstrap: resample the seeds' values with
 * replacement, take each resample's mean, keep the 2.5% and 97.5% quantiles (nearest rank). The
 * interval stays inside the values' range, so an interval on a loss is never negative and one on an
 * accuracy never leaves [0, 1] (Student's t on three seeds gave "4.1 [-0.9, 9.1]"). With few seeds it
 * is the range itself (with three, drawing one value three times has probability 1/27 > 2.5%); with
 * fewer than {@value #MIN_SEEDS} there is none. The draws come from a fixed random seed, so a report
 * is the same every time it is drawn.
 */
public final class SeedInterval {
    public static final int MIN_SEEDS = 3;
    static final int RESAMPLES = 2000;
    static final long RANDOM_SEED = 20230101L;

    private SeedInterval() {}

    /** {low, high}, or null with fewer than {@value #MIN_SEEDS} values. */
    public static double[] of(Collection<Double> values) {
        int n = values.size();
        if (n < MIN_SEEDS) {
            return null;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        SplitMix64 rng = SplitMix64.stream(RANDOM_SEED, "seed-interval");
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double s = 0.0;
            for (int k = 0; k < n; k++) {
                s += v[rng.nextInt(n)];
            }
            means[r] = s / n;
        }
        Arrays.sort(means);
        return new double[]{means[(int) Math.floor(0.025 * (RESAMPLES - 1))], means[(int) Math.ceil(0.975 * (RESAMPLES - 1))]};
    }
}
