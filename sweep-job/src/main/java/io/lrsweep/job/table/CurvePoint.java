package io.lrsweep.job.table;

/**
 * One row of {@code curves/} without its settings (a trial's settings are in its {@code trials/}
 * row, found by {@code trialId}). {@code gradNorm} is NaN at epoch 0 and where older outputs have no
 * such column, as is {@code weightNorm} there.
 */
public record CurvePoint(String trialId, int epoch, double lr, double loss, double accuracy, double valLoss,
                         double valAccuracy, double gradNorm, double weightNorm) {
}
