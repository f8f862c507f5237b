package io.lrsweep.job.analysis;

/**
 * One setup at one value of a transfer axis: its U-curve read for the best learning rate (the
 * eligible lr with the lowest mean cost, as in {@code ucurve/}) with the seed bootstrap's interval,
 * and the curve itself for the figures.
 *
 * @param setting     a setting of this point (its best lr's, else its first): the setup's values
 * @param setup       the setup as written, without the axis and the lr
 * @param axisValue   the axis's value (the momentum itself on the momentum axis)
 * @param fitX        the power law's variable at this point (1 - momentum on the momentum axis)
 * @param lrs         the swept learning rates, ascending
 * @param values      the metric's mean over finished seeds per lr (NaN where none finished)
 * @param eligible    per lr, whether every seed ended ok
 * @param bestLr      null when no lr ended ok on every seed
 * @param edge        {@code smallest} / {@code largest} when the best lr is the grid's end, else null
 * @param sensitivity the LR sensitivity ({@link LrSensitivity}), NaN where unknown
 * @param winners     the bootstrap's winning lr index per resample (-1 where none)
 */
public record TransferPoint(TransferAxis axis, Setting setting, String setup, double axisValue, double fitX, double[] lrs,
                            double[] values, boolean[] eligible, int seeds, Double bestLr, Double bestLrLow,
                            Double bestLrHigh, Double bestLrSupport, Double bestValue, String edge, double sensitivity,
                            int[] winners) {

    /** The effective learning rate lr / (1 - momentum) of the best lr and its interval (momentum axis only), else null. */
    public Double[] effective() {
        if (axis != TransferAxis.MOMENTUM || bestLr == null) {
            return null;
        }
        double f = 1.0 - axisValue;
        return new Double[]{bestLr / f, bestLrLow == null ? null : bestLrLow / f, bestLrHigh == null ? null : bestLrHigh / f};
    }
}
