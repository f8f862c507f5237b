package io.lrsweep.core.train;

/**
 * One epoch of history, as Keras records it: {@code loss}/{@code accuracy} are the batch-size
 * weighted means of the per-batch values computed during the epoch (before each batch's update);
 * {@code valLoss}/{@code valAccuracy} a full pass over the validation set after the epoch;
 * {@code lr} the learning rate of the epoch's last update (schedule, plateau and time-based decay
 * applied), i.e. in force at the end of the epoch and before the plateau decision.
 *
 * <p>Epoch 0 is the net at initialisation, before any update: {@code loss}/{@code accuracy} a
 * full pass over the training rows, {@code lr} the learning rate of the first update, and no
 * gradient ({@code gradNorm} NaN). {@code gradNorm} is the mean over the epoch's updates of the
 * L2 norm of the batch gradient (every kernel and bias); {@code weightNorm} the L2 norm of every
 * kernel and bias at the end of the epoch.
 *
 * <p>{@code loss} and {@code valLoss} are the data loss (the cross-entropy) alone, also under
 * coupled weight decay, so that they compare across weight decays and optimizers; {@code l2Penalty}
 * is the penalty {@code wd * sum(w^2)} over the kernels at the end of the epoch (0 without coupled
 * weight decay). Keras adds the penalty to both: its {@code val_loss} is {@code valLoss + l2Penalty},
 * and its {@code loss} adds each batch's penalty at the weights before that batch's update.
 * {@code gradNorm} is the norm of the data loss's gradient.
 */
public record EpochRecord(int epoch, double lr, double loss, double accuracy, double valLoss, double valAccuracy,
                          double gradNorm, double weightNorm, double l2Penalty) implements java.io.Serializable {

    /** An epoch without an L2 penalty. */
    public EpochRecord(int epoch, double lr, double loss, double accuracy, double valLoss, double valAccuracy,
                       double gradNorm, double weightNorm) {
        this(epoch, lr, loss, accuracy, valLoss, valAccuracy, gradNorm, weightNorm, 0.0);
    }
}
