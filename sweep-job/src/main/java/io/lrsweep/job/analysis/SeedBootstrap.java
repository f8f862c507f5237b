package io.lrsweep.job.analysis;

import io.lrsweep.core.random.SplitMix64;

import java.util.Arrays;

/**
 * The seed bootstrap of the best learning rate: draw as many seeds as there are, with
 * replacement, recompute each lr's mean final val_loss over the drawn seeds, and note which lr
 * wins (an lr where a drawn seed diverged cannot win). The interval is the 2.5% and 97.5%
 * quantiles of the winners' log10(lr), by the nearest rank; with one seed it collapses to the best.
 *
 * @param low      lower end of the 95% interval of the best lr
 * @param high     upper end
 * @param support  the share of resamples whose winner is the best lr of all seeds
 */
record SeedBootstrap(double low, double high, double support, int resamples) {

    static SeedBootstrap of(LrCurve curve, int best, int resamples, long seed) {
        int[] winners = winners(curve, resamples, seed);
        double[] logs = new double[resamples];
        int valid = 0;
        int same = 0;
        for (int win : winners) {
            if (win >= 0) {
                logs[valid++] = Math.log10(curve.lrs[win]);
                if (win == best) {
                    same++;
                }
            }
        }
        if (valid == 0) {
            return new SeedBootstrap(Double.NaN, Double.NaN, 0.0, resamples);
        }
        double[] sorted = Arrays.copyOf(logs, valid);
        Arrays.sort(sorted);
        return new SeedBootstrap(Math.pow(10.0, lowQuantile(sorted)), Math.pow(10.0, highQuantile(sorted)),
                (double) same / resamples, resamples);
    }

    /**
     * The winning lr's index in each resample (-1 where no lr can win). The resamples draw positions
     * in the curve's sorted seeds from {@code seed}: curves over the same seeds (one setup at several
     * values of another axis) get the same draws, so resample r is one consistent world across them
     * (what the transfer analysis fits its exponent on).
     */
    static int[] winners(LrCurve curve, int resamples, long seed) {
        SplitMix64 rng = SplitMix64.stream(seed, "bootstrap");
        long[] seeds = curve.seeds;
        long[] drawn = new long[seeds.length];
        int[] winners = new int[resamples];
        double[] means = new double[curve.size()];
        for (int r = 0; r < resamples; r++) {
            for (int k = 0; k < drawn.length; k++) {
                drawn[k] = seeds[rng.nextInt(seeds.length)];
            }
            for (int i = 0; i < means.length; i++) {
                means[i] = curve.resampledMean(i, drawn);
            }
            winners[r] = LrCurve.argMin(means, i -> true);
        }
        return winners;
    }

    /** The 2.5% quantile of sorted values, by the nearest rank (rounding down). */
    static double lowQuantile(double[] sorted) {
        return sorted[(int) Math.floor(0.025 * (sorted.length - 1))];
    }

    /** The 97.5% quantile of sorted values, by the nearest rank (rounding up). */
    static double highQuantile(double[] sorted) {
        return sorted[(int) Math.ceil(0.975 * (sorted.length - 1))];
    }
}
