package io.lrsweep.core.lrfind;

import java.util.List;

/**
 * A range test's curve and its two usual readings: the lr of steepest descent of the smoothed
 * loss against log10(lr), and the lr of the loss minimum divided by 10. Both are NaN when the
 * curve is too short to read (fewer than 5 points).
 */
public record LrFinderResult(List<Point> curve, double steepestLr, double minimumLr, String stopReason) {

    /** One update: the lr used, the batch loss before the update, the smoothed loss. */
    public record Point(int step, double lr, double loss, double smoothedLoss) {}

    public LrFinderResult {
        curve = List.copyOf(curve);
    }

    /** The minimum's lr divided by 10: a conservative choice. */
    public double minimumOverTen() {
        return minimumLr / 10.0;
    }
}
