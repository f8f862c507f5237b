package io.lrsweep.core.optim;

import java.util.Arrays;
import java.util.List;

/**
 * One model's optimizer: a shared immutable {@link OptimizerSpec} plus this model's own state, its
 * named slots (velocity, accumulator, m, v, ...; each as long as the parameter block, in the
 * engine's layout) and its update count. {@link #step} applies one update in place with the
 * learning rate the caller computed for it ({@code io.lrsweep.core.train.LearningRate}).
 */
public final class Optimizer {
    private final OptimizerSpec spec;
    private final double[][] slots;
    private long updates;

    public Optimizer(OptimizerSpec spec, int parameterCount) {
        this.spec = spec;
        List<String> names = spec.slots();
        this.slots = new double[names.size()][];
        for (int s = 0; s < slots.length; s++) {
            slots[s] = new double[parameterCount];
            double initial = spec.initialSlotValue(names.get(s));
            if (initial != 0.0) {
                Arrays.fill(slots[s], initial);
            }
        }
    }

    /** One update of {@code w} in place from gradient {@code g} with learning rate {@code lrT}. */
    public void step(double[] w, double[] g, double lrT) {
        spec.update(w, g, slots, lrT, updates);
        updates++;
    }

    /** Updates applied so far: Keras's {@code iterations}, the {@code t} of the formulas. */
    public long updates() {
        return updates;
    }

    /**
     * Counts {@code n} more updates that, with a zero gradient and an idle state, would not have
     * changed the parameters (a frozen trial's remaining epochs).
     */
    public void skip(long n) {
        updates += n;
    }

    /** Whether, with a zero gradient from now on, no update can move the parameters any more. */
    public boolean idleWithoutGradient() {
        return spec.idleWithoutGradient(slots);
    }

    public OptimizerSpec spec() {
        return spec;
    }

    /** A copy of the slot named {@code name} (see {@link OptimizerSpec#slots()}), for tests and inspection. */
    public double[] slot(String name) {
        int s = spec.slots().indexOf(name);
        if (s < 0) {
            throw new IllegalArgumentException(spec.name() + " has no slot '" + name + "'; it has " + spec.slots());
        }
        return slots[s].clone();
    }
}
