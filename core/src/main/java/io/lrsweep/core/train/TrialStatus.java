package io.lrsweep.core.train;

/** How a trial ended. */
public enum TrialStatus {
    /** All epochs ran with finite loss and weights. */
    OK("ok"),
    /** A loss or weight became NaN or infinite; the history stops at that epoch. */
    DIVERGED("diverged"),
    /** The trial's code threw; recorded with its message so the sweep can go on. */
    FAILED("failed");

    public final String label;

    TrialStatus(String label) {
        this.label = label;
    }
}
