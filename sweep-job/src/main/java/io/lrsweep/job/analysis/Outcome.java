package io.lrsweep.job.analysis;

import io.lrsweep.core.train.TrialStatus;

/**
 * What the analysis does with each outcome class of {@code trials/status}. A trial that ran to its
 * end with finite values (ok, stalled, saturated) counts in every mean, spread and curve: a frozen
 * or stalled net's loss is a real, bad, loss, and the left arm of the U is made of stalled trials.
 * Only a setting whose every seed ended {@code ok} can be recommended (best, basin, tie, stable).
 * Diverged and failed trials have no final values: they are counted, never averaged.
 */
public final class Outcome {
    private Outcome() {}

    public static TrialStatus of(String status) {
        for (TrialStatus s : TrialStatus.values()) {
            if (s.label.equals(status)) {
                return s;
            }
        }
        throw new IllegalArgumentException("trials/status holds '" + status + "', not one of ok, diverged, saturated, "
                + "stalled, failed");
    }

    /** Ran to its end with finite values. */
    public static boolean finished(TrialStatus s) {
        return switch (s) {
            case OK, STALLED, SATURATED -> true;
            case DIVERGED, FAILED -> false;
        };
    }
}
