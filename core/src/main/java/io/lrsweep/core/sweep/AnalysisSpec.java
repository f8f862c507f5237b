package io.lrsweep.core.sweep;

import io.lrsweep.core.schedule.Monitor;

import java.util.Arrays;
import java.util.List;

/**
 * How a sweep's results are read: the metric that ranks settings and shapes the U-curve (its final
 * value; lower is better for the losses, higher for the accuracies), the validation accuracy that
 * "epochs to target" waits for, and the basin's tolerance (the learning rates whose metric is
 * within this fraction of the best one, on the loss scale: the loss, or the error rate 1 - accuracy).
 * None of it changes a trial: it is not part of any trial id, and a report can be redrawn with other values.
 *
 * @param metric         the metric, one of {@link #METRICS}; the same four quantities the plateau
 *                       controller can watch, hence the same type
 * @param targetAccuracy in (0, 1]
 * @param basinTolerance a finite number >= 0
 */
public record AnalysisSpec(Monitor metric, double targetAccuracy, double basinTolerance) {

    /** The metric names, in the order help texts list them. */
    public static final List<String> METRICS = List.of("val_loss", "val_accuracy", "loss", "accuracy");

    public AnalysisSpec {
        if (metric == null) {
            throw new IllegalArgumentException("metric must be one of " + String.join(", ", METRICS));
        }
        if (!(targetAccuracy > 0.0 && targetAccuracy <= 1.0)) {
            throw new IllegalArgumentException("target_accuracy must be a number in (0, 1], got " + targetAccuracy);
        }
        if (!(basinTolerance >= 0.0) || Double.isInfinite(basinTolerance)) {
            throw new IllegalArgumentException("basin_tolerance must be a finite number >= 0, got " + basinTolerance);
        }
    }

    /** val_loss, 80% validation accuracy (the reference study's target), basin within 10% of the best. */
    public static AnalysisSpec defaults() {
        return new AnalysisSpec(Monitor.VAL_LOSS, 0.8, 0.10);
    }

    /** The metric called {@code name}. */
    public static Monitor metric(String name) {
        return Arrays.stream(Monitor.values()).filter(m -> m.label.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("metric must be one of " + String.join(", ", METRICS)
                        + ", got '" + name + "'"));
    }

    public AnalysisSpec withMetric(Monitor m) {
        return new AnalysisSpec(m, targetAccuracy, basinTolerance);
    }

    public AnalysisSpec withTargetAccuracy(double t) {
        return new AnalysisSpec(metric, t, basinTolerance);
    }

    public AnalysisSpec withBasinTolerance(double t) {
        return new AnalysisSpec(metric, targetAccuracy, t);
    }
}
