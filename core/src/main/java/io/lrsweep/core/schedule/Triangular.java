package io.lrsweep.core.schedule;

import java.util.Map;

/**
 * PyTorch's {@code CyclicLR} in mode {@code triangular} (Smith 2017), stepped once per update,
 * with {@code base_lr = baseFactor * lr}, {@code max_lr = lr} (the grid's), step_size_up =
 * step_size_down = {@code stepEpochs * U} and no momentum cycling. As
 * {@code torch/optim/lr_scheduler.py} computes it, in factors of the grid's lr, with
 * {@code total = 2 s U}:
 * <pre>
 *   cycle = floor(1 + t / total);  x = 1 + t / total - cycle
 *   scale = x / 0.5 if x &lt;= 0.5 else (x - 1) / (0.5 - 1)
 *   factor = b + (1 - b) * scale
 * </pre>
 * Update {@code t} runs at {@code last_epoch = t}: {@code base_lr} first, {@code max_lr} after
 * {@code s U} updates, {@code base_lr} again after {@code 2 s U}.
 *
 * @param baseFactor b, in [0, 1]
 * @param stepEpochs s, the half cycle in epochs, finite > 0 (fractions allowed: PyTorch's step
 *                   size is a float too)
 */
public record Triangular(double baseFactor, double stepEpochs) implements Schedule {

    public Triangular {
        ScheduleChecks.unit("base_factor", baseFactor);
        ScheduleChecks.positive("step_epochs", stepEpochs);
    }

    @Override
    public double factor(long t, long updatesPerEpoch, long totalUpdates) {
        double stepSizeUp = stepEpochs * (double) updatesPerEpoch;
        double totalSize = stepSizeUp + stepSizeUp;
        double stepRatio = stepSizeUp / totalSize;
        double cycle = StrictMath.floor(1.0 + (double) t / totalSize);
        double x = 1.0 + (double) t / totalSize - cycle;
        double scale = x <= stepRatio ? x / stepRatio : (x - 1.0) / (stepRatio - 1.0);
        double baseHeight = (1.0 - baseFactor) * scale;
        return baseFactor + baseHeight * 1.0;
    }

    @Override
    public ScheduleKind type() {
        return ScheduleKind.TRIANGULAR;
    }

    @Override
    public Map<String, Number> parameters() {
        return Schedule.params("base_factor", baseFactor, "step_epochs", stepEpochs);
    }
}
