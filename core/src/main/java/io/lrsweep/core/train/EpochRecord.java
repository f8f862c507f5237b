package io.lrsweep.core.train;

/**
 * One epoch of history, as Keras records it: {@code loss}/{@code accuracy} are the batch-size
 * weighted means of the per-batch values computed during the epoch (before each batch's update);
 * {@code valLoss}/{@code valAccuracy} a full pass over the validation set after the epoch;
 * {@code lr} the learning rate of the epoch's last update (schedule, plateau and time-based decay
 * applied), i.e. in force at the end of the epoch and before the plateau decision.
 */
public record EpochRecord(int epoch, double lr, double loss, double accuracy, double valLoss, double valAccuracy)
        implements java.io.Serializable {
}
