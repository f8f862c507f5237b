package io.lrsweep.core.schedule;

/**
 * ReduceLROnPlateau's state machine for one trial, exactly Keras's rule (training-semantics.md);
 * its lr, the base rate cut by every reduction so far, is one factor of an update's learning
 * rate ({@code io.lrsweep.core.train.LearningRate}). It is kept as Keras keeps it, as the rate
 * itself rather than a scale of the base, so that min_lr and the cut test are Keras's bit for bit:
 * <pre>
 * if cooldown_counter > 0: cooldown_counter -= 1; wait = 0
 * if improved(current, best): best = current; wait = 0
 * elif cooldown_counter == 0:
 *     wait += 1
 *     if wait >= patience and lr > min_lr:
 *         lr = max(lr * factor, min_lr); cooldown_counter = cooldown; wait = 0
 * </pre>
 * where improved is {@code current < best - min_delta} (or {@code > best + min_delta} for an
 * accuracy monitor). The new lr applies from the next epoch's first update.
 */
public final class PlateauController {
    private final PlateauSpec spec;
    private double lr;
    private double best;
    private int wait;
    private int cooldownCounter;
    private int reductions;

    public PlateauController(PlateauSpec spec, double initialLearningRate) {
        this.spec = spec;
        this.lr = initialLearningRate;
        this.best = spec.monitor().lowerIsBetter ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** Feeds the monitored value at the end of an epoch; returns the lr for the next epoch. */
    public double onEpochEnd(double current) {
        if (cooldownCounter > 0) {
            cooldownCounter--;
            wait = 0;
        }
        if (improved(current)) {
            best = current;
            wait = 0;
        } else if (cooldownCounter == 0) {
            wait++;
            if (wait >= spec.patience() && lr > spec.minLr()) {
                lr = Math.max(lr * spec.factor(), spec.minLr());
                cooldownCounter = spec.cooldown();
                wait = 0;
                reductions++;
            }
        }
        return lr;
    }

    private boolean improved(double current) {
        // NaN never improves (every comparison is false), as in numpy.
        return spec.monitor().lowerIsBetter ? current < best - spec.minDelta() : current > best + spec.minDelta();
    }

    /** The controller's learning rate (Keras's {@code optimizer.lr}): the base rate with every cut applied. */
    public double learningRate() {
        return lr;
    }

    public PlateauSpec spec() {
        return spec;
    }

    public double best() {
        return best;
    }

    public int waitCount() {
        return wait;
    }

    public int cooldownCounter() {
        return cooldownCounter;
    }

    public int reductions() {
        return reductions;
    }
}
