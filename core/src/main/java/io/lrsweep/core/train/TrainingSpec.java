package io.lrsweep.core.train;

import io.lrsweep.core.model.LossFunction;
import io.lrsweep.core.schedule.Schedule;

/**
 * How long, in what batches and on what loss to train (reference: 200 epochs, batch 32, shuffled
 * every epoch, Keras's clipped cross-entropy).
 */
public record TrainingSpec(int epochs, int batchSize, boolean shuffle, Schedule schedule, LossFunction loss)
        implements java.io.Serializable {

    public TrainingSpec {
        if (epochs < 1) {
            throw new IllegalArgumentException("training.epochs must be an integer >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("training.batch_size must be an integer >= 1, got " + batchSize);
        }
        if (schedule == null) {
            schedule = new Schedule.Constant();
        }
        if (loss == null) {
            loss = LossFunction.KERAS_CLIPPED;
        }
    }

    /** Keras's clipped cross-entropy. */
    public TrainingSpec(int epochs, int batchSize, boolean shuffle, Schedule schedule) {
        this(epochs, batchSize, shuffle, schedule, LossFunction.KERAS_CLIPPED);
    }

    public static TrainingSpec reference() {
        return new TrainingSpec(200, 32, true, new Schedule.Constant(), LossFunction.KERAS_CLIPPED);
    }
}
