package io.lrsweep.core.train;

/** How a trial ended; {@link OutcomeRules} decides which, and says why in a short reason. */
public enum TrialStatus {
    /** Finite, and the final val_loss is below the initial one; or frozen with every training row right. */
    OK("ok"),
    /** A loss or weight became NaN or infinite; the history stops at that epoch. */
    DIVERGED("diverged"),
    /**
     * The net stopped moving while training rows are still misclassified: over its last epoch no
     * row passed a gradient (the clipped loss passes none once a prediction saturates) and every
     * weight stayed bit for bit the same.
     */
    SATURATED("saturated"),
    /** Finite and still moving, but the final val_loss is not below the initial one. */
    STALLED("stalled"),
    /** The trial's code threw; recorded with its message so the sweep can go on. */
    FAILED("failed");

    public final String label;

    TrialStatus(String label) {
        this.label = label;
    }
}
