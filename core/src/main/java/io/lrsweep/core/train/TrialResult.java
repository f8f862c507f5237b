package io.lrsweep.core.train;

import java.util.List;

/**
 * The outcome of one trial: its per-epoch history (possibly cut short by divergence), the status,
 * how many times the plateau controller cut the lr, and the wall time of the training alone.
 * {@code error} is null unless the status is FAILED.
 */
public record TrialResult(TrialStatus status, List<EpochRecord> history, int lrReductions, long trainMillis, String error)
        implements java.io.Serializable {

    public TrialResult {
        history = List.copyOf(history);
    }

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
