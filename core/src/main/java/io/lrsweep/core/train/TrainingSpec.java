package io.lrsweep.core.train;

import io.lrsweep.core.schedule.Schedule;

/** How long and in what batches to train (reference: 200 epochs, batch 32, shuffled every epoch). */
public record TrainingSpec(int epochs, int batchSize, boolean shuffle, Schedule schedule) implements java.io.Serializable {

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
    }

    public static TrainingSpec reference() {
        return new TrainingSpec(200, 32, true, new Schedule.Constant());
    }
}
