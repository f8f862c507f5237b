package io.lrsweep.core.optim;

import java.util.Arrays;
import java.util.List;

/**
 * One model's optimizer: a shared immutable {@link OptimizerSpec} plus this model's own state, its
 * named slots (velocity, accumulator, m, v, ...; each as long as the parameter block, in the
 * engine's layout) and its update count. {@link #step} applies one update in place with the
 * learning rate the caller computed for it ({@code io.lrsweep.core.train.LearningRate}): first the
 * spec's weight decay on the kernel weights of {@code block} ({@link WeightDecay}), then the
 * spec's own rule (as optax chains {@code add_decayed_weights} before the optimizer).
 */
public final class Optimizer {
    private final OptimizerSpec spec;
    private final ParameterBlock block;
    private final double[][] slots;
    private long updates;

    public Optimizer(OptimizerSpec spec, ParameterBlock block) {
        this.spec = spec;
        this.block = block;
        List<String> names = spec.slots();
        this.slots = new double[names.size()][];
        for (int s = 0; s < slots.length; s++) {
            slots[s] = new double[block.length()];
            double initial = spec.initialSlotValue(names.get(s));
            if (initial != 0.0) {
                Arrays.fill(slots[s], initial);
            }
        }
    }

    /**
     * An optimizer for a block whose layout is unknown: only without weight decay, which needs to
     * know the kernel weights (IllegalArgumentException otherwise; there is no guess to fall back on).
     */
    public Optimizer(OptimizerSpec spec, int parameterCount) {
        this(checkedNoWeightDecay(spec), ParameterBlock.allKernel(parameterCount));
    }

    private static OptimizerSpec checkedNoWeightDecay(OptimizerSpec spec) {
        if (spec.weightDecay() != 0.0) {
            throw new IllegalArgumentException(spec.name() + " with weight_decay " + spec.weightDecay()
                    + " needs the parameter block's kernel runs (a ParameterBlock), not just a parameter count");
        }
        return spec;
    }

    /**
     * One update of {@code w} in place from gradient {@code g} with learning rate {@code lrT}. With
     * coupled weight decay {@code g} gains the penalty's gradient in place (the caller's gradient
     * buffer is the batch's, rewritten before the next step).
     */
    public void step(double[] w, double[] g, double lrT) {
        double wd = spec.weightDecay();
        if (wd != 0.0) {
            switch (spec.weightDecayStyle()) {
                case COUPLED_L2 -> addL2Gradient(w, g, 2.0 * wd);
                case DECOUPLED -> shrink(w, 1.0 - lrT * wd);
            }
        }
        spec.update(w, g, slots, lrT, updates);
        updates++;
    }

    /** {@code g = g + twoWd * w} on the kernel weights. */
    private void addL2Gradient(double[] w, double[] g, double twoWd) {
        for (int r = 0; r < block.runs(); r++) {
            for (int i = block.runStart(r), end = i + block.runLength(r); i < end; i++) {
                g[i] = g[i] + twoWd * w[i];
            }
        }
    }

    /** {@code w = w * keep} on the kernel weights. */
    private void shrink(double[] w, double keep) {
        for (int r = 0; r < block.runs(); r++) {
            for (int i = block.runStart(r), end = i + block.runLength(r); i < end; i++) {
                w[i] = w[i] * keep;
            }
        }
    }

    /**
     * The L2 penalty {@code wd * sum(w^2)} over the kernel weights that coupled weight decay adds
     * to the loss (Keras's {@code l2}); 0 without coupled weight decay.
     */
    public double l2Penalty(double[] w) {
        if (spec.weightDecay() == 0.0 || spec.weightDecayStyle() != WeightDecay.COUPLED_L2) {
            return 0.0;
        }
        return spec.weightDecay() * block.kernelSumOfSquares(w);
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

    /**
     * Whether, with a zero gradient from now on, no update can move the parameters any more. Never
     * with weight decay, which shrinks the weights whatever the gradient.
     */
    public boolean idleWithoutGradient() {
        return spec.weightDecay() == 0.0 && spec.idleWithoutGradient(slots);
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
