package io.lrsweep.core.train;

/**
 * Told as training goes: after each epoch of a group, how many trial-epochs it just completed (the
 * trials of the group still training). Called on the training thread; keep it cheap.
 */
@FunctionalInterface
public interface EpochListener extends java.io.Serializable {
    EpochListener NONE = trialEpochs -> { };

    void onEpochs(int trialEpochs);
}
