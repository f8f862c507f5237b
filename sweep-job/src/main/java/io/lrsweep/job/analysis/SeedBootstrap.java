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
        SplitMix64 rng = SplitMix64.stream(seed, "bootstrap");
        long[] seeds = curve.seeds;
        long[] drawn = new long[seeds.length];
        double[] winners = new double[resamples];
        double[] means = new double[curve.size()];
        int valid = 0;
        int same = 0;
        for (int r = 0; r < resamples; r++) {
            for (int k = 0; k < drawn.length; k++) {
                drawn[k] = seeds[rng.nextInt(seeds.length)];
            }
            for (int i = 0; i < means.length; i++) {
                means[i] = curve.resampledMean(i, drawn);
            }
            int win = LrCurve.argMin(means, i -> true);
            if (win >= 0) {
                winners[valid++] = Math.log10(curve.lrs[win]);
                if (win == best) {
                    same++;
                }
            }
        }
        if (valid == 0) {
            return new SeedBootstrap(Double.NaN, Double.NaN, 0.0, resamples);
        }
        double[] sorted = Arrays.copyOf(winners, valid);
        Arrays.sort(sorted);
        double lo = sorted[(int) Math.floor(0.025 * (valid - 1))];
        double hi = sorted[(int) Math.ceil(0.975 * (valid - 1))];
        return new SeedBootstrap(Math.pow(10.0, lo), Math.pow(10.0, hi), (double) same / resamples, resamples);
    }
}
