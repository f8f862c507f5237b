package io.lrsweep.core.optim;

/**
 * An optimizer's immutable, validated configuration: the same value is shared by every trial
 * that uses it, while the changing state lives in {@link OptimizerState}, one per trial.
 *
 * <p>Update rules are Keras 2.2.4's (see {@code training-semantics.md}); {@code t} counts updates
 * from 0 over the whole run and {@code lr_t = lr / (1 + decay * t)} for every optimizer.
 */
public sealed interface OptimizerSpec extends java.io.Serializable permits Sgd, RmsProp, Adagrad, Adam {

    /** The initial learning rate. */
    double learningRate();

    /** Keras's time-based decay, applied per update. */
    double decay();

    /** The optimizer's name as written in sweep files: sgd, rmsprop, adagrad, adam. */
    String name();

    /** The same optimizer with another initial learning rate. */
    OptimizerSpec withLearningRate(double learningRate);

    /** The same optimizer with another time-based decay. */
    OptimizerSpec withDecay(double decay);

    /** Keras's lr_t: the learning rate used for update {@code t} (0-based) from base lr {@code lr}. */
    static double decayed(double lr, double decay, long t) {
        return decay > 0.0 ? lr * (1.0 / (1.0 + decay * (double) t)) : lr;
    }

    /**
     * One update of {@code w} in place from gradient {@code g}, with {@code lrT} the learning rate
     * for this update (decay already applied). Reads and writes {@code state}; allocates nothing.
     * {@link Optimizer} is the caller: it computes {@code lrT} and counts the updates.
     */
    void update(double[] w, double[] g, double lrT, OptimizerState state);

    /** The names accepted in sweep files. */
    java.util.List<String> NAMES = java.util.List.of("sgd", "rmsprop", "adagrad", "adam");
}
