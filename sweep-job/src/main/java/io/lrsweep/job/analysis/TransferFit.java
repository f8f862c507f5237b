package io.lrsweep.job.analysis;

import java.util.List;

/**
 * One setup along one transfer axis: its points (axis values ascending) and the power law
 * {@code best_lr ~ fitX^exponent} fitted by least squares in log-log over the points with a best lr
 * and a positive fitX ({@link PowerLawFit}), with the 95% interval of the exponent from refitting
 * each seed-bootstrap resample's winners (the same seed draws at every axis value).
 *
 * @param fit null when fewer than two points have a best lr and a positive fitX
 */
public record TransferFit(TransferAxis axis, String setup, List<TransferPoint> points, PowerLawFit fit, Double exponentLow,
                          Double exponentHigh) {

    public Double exponent() {
        return fit == null ? null : fit.exponent();
    }

    /** 10^intercept: the fitted best lr at fitX = 1. */
    public Double prefactor() {
        return fit == null ? null : Math.pow(10.0, fit.intercept());
    }
}
