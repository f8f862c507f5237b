package io.lrsweep.core.train;

/**
 * The learning rate of an update, in one place: the base (the grid's) learning rate as cut so far
 * by the plateau controller (its lr; the base itself without one), times the schedule's factor for
 * the update, times Keras's time-based decay. Exactly
 * {@code (plateauLr * scheduleFactor) * (1 / (1 + decay * t))}.
 */
public final class LearningRate {
    private LearningRate() {}

    /**
     * @param plateauLr      the plateau controller's lr, or the trial's learning rate without one
     * @param scheduleFactor the schedule's factor for this update
     * @param decay          time-based decay
     * @param t              the update's 0-based index over the whole run
     */
    public static double of(double plateauLr, double scheduleFactor, double decay, long t) {
        return plateauLr * scheduleFactor * (1.0 / (1.0 + decay * (double) t));
    }
}
