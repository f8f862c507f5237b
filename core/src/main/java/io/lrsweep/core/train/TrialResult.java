package io.lrsweep.core.train;

import java.util.List;

/**
 * The outcome of one trial: the net at initialisation ({@code initial}, epoch 0; null only when
 * the trial failed before it could be evaluated), its per-epoch history from epoch 1 on (possibly
 * cut short by divergence), the status with a short reason, the first epoch of the frozen stretch
 * the trial ended in (null unless it ended frozen), how many times the plateau controller cut the
 * lr, and the wall time of the training alone. {@code error} is null unless the status is FAILED.
 */
public record TrialResult(TrialStatus status, String statusReason, EpochRecord initial, List<EpochRecord> history,
                          Integer frozenEpoch, int lrReductions, long trainMillis, String error)
        implements java.io.Serializable {

    public TrialResult {
        history = List.copyOf(history);
    }

    /** Training epochs recorded (epoch 0 not counted). */
    public int epochsCompleted() {
        return history.size();
    }

    /** The last epoch's record, or null if none completed. */
    public EpochRecord last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    /** The epoch record with the lowest finite val_loss (first on ties), or null. */
    public EpochRecord bestByValLoss() {
        EpochRecord best = null;
        for (EpochRecord r : history) {
            if (Double.isFinite(r.valLoss()) && (best == null || r.valLoss() < best.valLoss())) {
                best = r;
            }
        }
        return best;
    }
}
