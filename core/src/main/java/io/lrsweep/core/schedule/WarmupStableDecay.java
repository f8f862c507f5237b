package io.lrsweep.core.schedule;

import java.util.Map;

/**
 * Warmup-stable-decay ("wsd"; a linear warm-up, a constant stretch, a linear cool-down), per
 * update. With {@code W = warmupEpochs * U} and {@code D = round(decayFraction * T)} updates of
 * decay (halves rounded up):
 * <pre>
 *   factor = (t + 1) / W                                 for t &lt; W
 *   factor = 1                                           for W &lt;= t &lt; T - D
 *   factor = 1 - (1 - m) * (t - (T - D) + 1) / D         for t >= T - D
 * </pre>
 * so the last update ({@code t = T - 1}) runs at {@code m} times the grid's learning rate.
 *
 * @param warmupEpochs  w, an integer >= 0
 * @param decayFraction q, the share of all updates spent decaying, in (0, 1]
 * @param minFactor     m, the factor of the last update, in [0, 1]
 */
public record WarmupStableDecay(int warmupEpochs, double decayFraction, double minFactor) implements Schedule {

    public WarmupStableDecay {
        ScheduleChecks.nonNegative("warmup_epochs", warmupEpochs);
        if (!(decayFraction > 0.0 && decayFraction <= 1.0)) {
            throw new IllegalArgumentException("decay_fraction must be in (0, 1], got " + decayFraction);
        }
        ScheduleChecks.unit("min_factor", minFactor);
    }

    /** D, the updates of the decay phase. */
    public long decayUpdates(long totalUpdates) {
        return Math.round(decayFraction * (double) totalUpdates);
    }

    @Override
    public double factor(long t, long updatesPerEpoch, long totalUpdates) {
        long w = warmupEpochs * updatesPerEpoch;
        long d = decayUpdates(totalUpdates);
        if (t < w) {
            return (double) (t + 1) / (double) w;
        }
        if (t < totalUpdates - d) {
            return 1.0;
        }
        return 1.0 - (1.0 - minFactor) * (double) (t - (totalUpdates - d) + 1) / (double) d;
    }

    /** {@code w + q * epochs <= epochs} makes {@code W <= T - D} whatever U is (a rounded q T stays below an integer above it). */
    @Override
    public void checkEpochs(int epochs) {
        if (!(warmupEpochs + decayFraction * epochs <= epochs)) {
            throw new IllegalArgumentException("decay_fraction must leave room for the warm-up: warmup_epochs + decay_fraction"
                    + " x training.epochs must be <= training.epochs (" + epochs + "), got " + warmupEpochs + " + "
                    + decayFraction + " x " + epochs);
        }
    }

    @Override
    public void check(long updatesPerEpoch, long totalUpdates) {
        long d = decayUpdates(totalUpdates);
        if (d < 1) {
            throw new IllegalArgumentException("wsd decay_fraction " + decayFraction + " of " + totalUpdates
                    + " updates rounds to no decay update at all");
        }
        if (warmupEpochs * updatesPerEpoch > totalUpdates - d) {
            throw new IllegalArgumentException("wsd warm-up of " + warmupEpochs * updatesPerEpoch + " updates runs into the "
                    + d + " decay updates of " + totalUpdates);
        }
    }

    @Override
    public ScheduleKind type() {
        return ScheduleKind.WSD;
    }

    @Override
    public Map<String, Number> parameters() {
        return Schedule.params("warmup_epochs", warmupEpochs, "decay_fraction", decayFraction, "min_factor", minFactor);
    }
}
