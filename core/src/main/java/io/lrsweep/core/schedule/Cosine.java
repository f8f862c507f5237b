package io.lrsweep.core.schedule;

import java.util.Map;

/**
 * Linear warm-up, then cosine annealing to a floor, per update. With {@code W = warmupEpochs * U}:
 * <pre>
 *   factor = (t + 1) / W                                        for t &lt; W
 *   factor = m + (1 - m) * (1 + cos(pi * (t - W) / (T - W))) / 2   otherwise
 * </pre>
 * So the warm-up's last update runs at the full rate, the first annealed update too ({@code t = W}),
 * and the last one ({@code t = T - 1}) just above {@code m} (PyTorch's CosineAnnealingLR with
 * T_max = T - W, eta_min = m * lr, stepped per update, after a LinearLR-style warm-up).
 *
 * @param warmupEpochs w, an integer >= 0 below the run's epochs
 * @param minFactor    m, the floor as a fraction of the grid's learning rate, in [0, 1]
 */
public record Cosine(int warmupEpochs, double minFactor) implements Schedule {

    public Cosine {
        ScheduleChecks.nonNegative("warmup_epochs", warmupEpochs);
        ScheduleChecks.unit("min_factor", minFactor);
    }

    @Override
    public double factor(long t, long updatesPerEpoch, long totalUpdates) {
        long w = warmupEpochs * updatesPerEpoch;
        if (t < w) {
            return (double) (t + 1) / (double) w;
        }
        double cos = StrictMath.cos(StrictMath.PI * (double) (t - w) / (double) (totalUpdates - w));
        return minFactor + (1.0 - minFactor) * (1.0 + cos) / 2.0;
    }

    @Override
    public void checkEpochs(int epochs) {
        if (warmupEpochs >= epochs) {
            throw new IllegalArgumentException("warmup_epochs must be below training.epochs (" + epochs
                    + "), so that some updates anneal; got " + warmupEpochs);
        }
    }

    @Override
    public void check(long updatesPerEpoch, long totalUpdates) {
        if (warmupEpochs * updatesPerEpoch >= totalUpdates) {
            throw new IllegalArgumentException("cosine warm-up of " + warmupEpochs * updatesPerEpoch
                    + " updates leaves none of the " + totalUpdates + " to anneal");
        }
    }

    @Override
    public ScheduleKind type() {
        return ScheduleKind.COSINE;
    }

    @Override
    public Map<String, Number> parameters() {
        return Schedule.params("warmup_epochs", warmupEpochs, "min_factor", minFactor);
    }
}
