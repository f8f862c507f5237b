package io.lrsweep.job.analysis;

import io.lrsweep.core.schedule.Monitor;
import io.lrsweep.job.run.TrialRow;

/**
 * The metric settings are read by ({@code --metric}), and its cost: the number the analysis
 * minimises, on the loss scale. For the losses the cost is the loss; for the accuracies it is the
 * error rate {@code 1 - accuracy}. So "within 10% of the best" means a loss at most 1.1 times the
 * best loss, or an error rate at most 1.1 times the best error rate, and the U-curve, basin, fit and
 * LR sensitivity read the same way for every metric.
 */
public record Metric(Monitor monitor) {

    public String name() {
        return monitor.label;
    }

    public boolean lowerIsBetter() {
        return monitor.lowerIsBetter;
    }

    /** The trial's final value of the metric (null when it has none). */
    public Double finalValue(TrialRow t) {
        return switch (monitor) {
            case VAL_LOSS -> t.finalValLoss();
            case LOSS -> t.finalLoss();
            case VAL_ACCURACY -> t.finalValAccuracy();
            case ACCURACY -> t.finalAccuracy();
        };
    }

    /**
     * The metric of the net before its first update (epoch 0): the losses from the trial's row, the
     * accuracies (and the losses of an output written before trials/ held them) from its curve's epoch 0.
     */
    public Double initialValue(TrialRow t, CurveDigest.Initial epochZero) {
        return switch (monitor) {
            case VAL_LOSS -> t.initialValLoss() != null ? t.initialValLoss() : epochZero == null ? null : epochZero.valLoss();
            case LOSS -> t.initialLoss() != null ? t.initialLoss() : epochZero == null ? null : epochZero.loss();
            case VAL_ACCURACY -> epochZero == null ? null : epochZero.valAccuracy();
            case ACCURACY -> epochZero == null ? null : epochZero.accuracy();
        };
    }

    public double cost(double value) {
        return lowerIsBetter() ? value : 1.0 - value;
    }

    public double value(double cost) {
        return lowerIsBetter() ? cost : 1.0 - cost;
    }

    /** A difference of costs as a difference of metric values (the sign flips for accuracies). */
    public double valueDifference(double costDifference) {
        return lowerIsBetter() ? costDifference : -costDifference;
    }
}
