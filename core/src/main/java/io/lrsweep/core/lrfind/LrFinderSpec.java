package io.lrsweep.core.lrfind;

/**
 * Settings of a learning-rate range test (Smith 2017; the fastai "lr_find" reading): the lr grows
 * geometrically from {@code lrMin} to {@code lrMax} over {@code updates} updates; the training
 * loss is smoothed exponentially with {@code smoothing} (bias corrected) and the run stops once
 * the smoothed loss exceeds {@code divergenceFactor} times its best value.
 */
public record LrFinderSpec(double lrMin, double lrMax, int updates, double smoothing, double divergenceFactor) {

    public LrFinderSpec {
        if (!(lrMin > 0.0) || Double.isInfinite(lrMin)) {
            throw new IllegalArgumentException("lr_find.lr_min must be a finite number > 0, got " + lrMin);
        }
        if (!(lrMax > lrMin) || Double.isInfinite(lrMax)) {
            throw new IllegalArgumentException("lr_find.lr_max must be finite and > lr_min (" + lrMin + "), got " + lrMax);
        }
        if (updates < 10) {
            throw new IllegalArgumentException("lr_find.updates must be an integer >= 10, got " + updates);
        }
        if (!(smoothing >= 0.0 && smoothing < 1.0)) {
            throw new IllegalArgumentException("lr_find.smoothing must be in [0, 1), got " + smoothing);
        }
        if (!(divergenceFactor > 1.0)) {
            throw new IllegalArgumentException("lr_find.divergence_factor must be > 1, got " + divergenceFactor);
        }
    }

    /** lr 1e-7 to 10 over 200 updates, smoothing 0.98, stop at 4x the best loss (fastai's values). */
    public static LrFinderSpec defaults() {
        return new LrFinderSpec(1e-7, 10.0, 200, 0.98, 4.0);
    }

    /** The learning rate of update {@code k} (0-based). */
    public double learningRate(int k) {
        return lrMin * StrictMath.pow(lrMax / lrMin, (double) k / (updates - 1));
    }
}
