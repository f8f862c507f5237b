package io.lrsweep.core.optim;

import java.util.Arrays;

/**
 * All the changing state of one optimizer in one trial: the update count and up to two slot
 * vectors (SGD: velocity in {@code first}; RMSprop/Adagrad: accumulator in {@code second};
 * Adam: first and second moments). Mutated in place, never shared between trials.
 */
public final class OptimizerState {
    /** Updates applied so far: Keras's {@code iterations}, the {@code t} of the formulas. */
    long updates;
    final double[] first;
    final double[] second;

    private OptimizerState(int size, double secondInitial) {
        this.first = new double[size];
        this.second = new double[size];
        if (secondInitial != 0.0) {
            Arrays.fill(second, secondInitial);
        }
    }

    /** Fresh state for {@code spec} over {@code size} parameters. */
    public static OptimizerState initial(OptimizerSpec spec, int size) {
        double secondInitial = spec instanceof Adagrad a ? a.initialAccumulator() : 0.0;
        return new OptimizerState(size, secondInitial);
    }

    public long updates() {
        return updates;
    }

    /** A copy of the first slot (velocity or first moment), for tests and inspection. */
    public double[] firstSlot() {
        return first.clone();
    }

    /** A copy of the second slot (accumulator or second moment), for tests and inspection. */
    public double[] secondSlot() {
        return second.clone();
    }
}
