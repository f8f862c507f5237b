package io.lrsweep.core.optim;

import java.util.List;

/**
 * An optimizer's immutable, validated configuration: the same value is shared by every trial
 * that uses it, while the changing state (its named slots and update count) lives in an
 * {@link Optimizer}, one per model. Update rules are Keras 2.2.4's ({@code training-semantics.md});
 * {@code t} counts updates from 0 over the whole run. The learning rate of an update, time-based
 * decay included, is computed by the caller and passed in.
 */
public sealed interface OptimizerSpec extends java.io.Serializable permits Sgd, RmsProp, Adagrad, Adam, AdamW {

    /** The initial learning rate. */
    double learningRate();

    /** Keras's time-based decay, {@code lr / (1 + decay * t)} per update. */
    double decay();

    /** Weight decay of the kernel weights (0: none), applied as {@link #weightDecayStyle()} says. */
    double weightDecay();

    /** How {@link #weightDecay()} applies: coupled L2 (Keras's {@code l2}) unless the optimizer says otherwise. */
    default WeightDecay weightDecayStyle() {
        return WeightDecay.COUPLED_L2;
    }

    /** The optimizer's name as written in sweep files. */
    String name();

    /** The same optimizer with another initial learning rate. */
    OptimizerSpec withLearningRate(double learningRate);

    /** The same optimizer with another time-based decay. */
    OptimizerSpec withDecay(double decay);

    /** The same optimizer with another weight decay. */
    OptimizerSpec withWeightDecay(double weightDecay);

    /** The state slots, named as the paper does; each is as long as the parameters. */
    List<String> slots();

    /** What slot {@code name} holds before the first update. */
    default double initialSlotValue(String name) {
        return 0.0;
    }

    /**
     * One update of {@code w} in place from gradient {@code g}: {@code slots} in the order of
     * {@link #slots()}, {@code lrT} the learning rate of this update, {@code t} its 0-based index.
     * Elementwise and in index order; allocates nothing.
     */
    void update(double[] w, double[] g, double[][] slots, double lrT, long t);

    /**
     * Whether the state can no longer move the parameters while every gradient is zero: asked
     * after an epoch in which no row passed a gradient and no parameter changed (see the engine's
     * frozen trials).
     */
    boolean idleWithoutGradient(double[][] slots);
}
