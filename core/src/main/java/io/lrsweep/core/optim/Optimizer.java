package io.lrsweep.core.optim;

/**
 * One trial's optimizer: a shared immutable {@link OptimizerSpec} plus this trial's own
 * {@link OptimizerState}. The base learning rate is passed per step because schedules and the
 * plateau controller change it between epochs (Keras's {@code optimizer.lr}); the time-based
 * decay is applied here, per update, on top of it.
 */
public final class Optimizer {
    private final OptimizerSpec spec;
    private final OptimizerState state;

    public Optimizer(OptimizerSpec spec, int parameterCount) {
        this.spec = spec;
        this.state = OptimizerState.initial(spec, parameterCount);
    }

    /** Applies one update to {@code w} in place; returns the lr_t that was used. */
    public double step(double[] w, double[] g, double baseLearningRate) {
        double lrT = OptimizerSpec.decayed(baseLearningRate, spec.decay(), state.updates);
        spec.update(w, g, lrT, state);
        state.updates++;
        return lrT;
    }

    public OptimizerSpec spec() {
        return spec;
    }

    public OptimizerState state() {
        return state;
    }
}
