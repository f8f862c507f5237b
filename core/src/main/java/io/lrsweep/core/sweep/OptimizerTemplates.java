package io.lrsweep.core.sweep;

import io.lrsweep.core.optim.Adagrad;
import io.lrsweep.core.optim.Adam;
import io.lrsweep.core.optim.OptimizerSpec;
import io.lrsweep.core.optim.RmsProp;
import io.lrsweep.core.optim.Sgd;

/**
 * Each optimizer's settings that are not grid axes, as configured prototypes (Tribuo style): a
 * trial's optimizer is its template with the trial's learning rate, momentum and decay put in.
 *
 * <p>A template's learning rate is the optimizer's <em>base</em> learning rate, used only when the
 * grid has no learning-rate axis (Keras's defaults unless the sweep's {@code optimizers} block says
 * otherwise). Templates carry no decay and no momentum: those are axes. {@code sgdNesterov} stands
 * beside the sgd template because {@link Sgd} cannot hold Nesterov without momentum; it applies to
 * the sgd trials whose momentum is above 0 (Nesterov momentum with momentum 0 is plain SGD).
 */
public record OptimizerTemplates(Sgd sgd, boolean sgdNesterov, RmsProp rmsprop, Adagrad adagrad, Adam adam) {

    public OptimizerTemplates {
        if (sgd == null || rmsprop == null || adagrad == null || adam == null) {
            throw new SweepSpecException("optimizers", "optimizers: every optimizer needs a template");
        }
        if (sgd.momentum() != 0.0 || sgd.nesterov()) {
            throw SweepSpecException.at("optimizers.sgd",
                    "template must have momentum 0 and nesterov false (momentum is a grid axis; use sgdNesterov)");
        }
        for (OptimizerSpec t : new OptimizerSpec[] {sgd, rmsprop, adagrad, adam}) {
            if (t.decay() != 0.0) {
                throw SweepSpecException.at("optimizers." + t.name(), "template must have decay 0 (decay is a grid axis)");
            }
        }
    }

    /** Keras 2.2.4's defaults for all four, Adagrad in its Keras variant. */
    public static OptimizerTemplates defaults() {
        return new OptimizerTemplates(Sgd.defaults(), false, RmsProp.defaults(), Adagrad.defaults(), Adam.defaults());
    }

    /** The template of optimizer {@code name} (one of {@link OptimizerSpec#NAMES}). */
    public OptimizerSpec template(String name) {
        return switch (name) {
            case "sgd" -> sgd;
            case "rmsprop" -> rmsprop;
            case "adagrad" -> adagrad;
            case "adam" -> adam;
            default -> throw SweepSpecException.at("grid.optimizer", "must name one of " + OptimizerSpec.NAMES + ", got '" + name + "'");
        };
    }

    /** The learning rate {@code name} runs at when the grid has no learning-rate axis. */
    public double baseLearningRate(String name) {
        return template(name).learningRate();
    }

    /**
     * One trial's optimizer: the template of {@code name} with {@code learningRate} (null: the base
     * learning rate), {@code momentum} (sgd only; null for the others) and {@code decay}.
     */
    public OptimizerSpec resolve(String name, Double learningRate, Double momentum, double decay) {
        OptimizerSpec t = template(name);
        double lr = learningRate == null ? t.learningRate() : learningRate;
        if (t instanceof Sgd s) {
            double m = momentum == null ? 0.0 : momentum;
            return new Sgd(lr, m, sgdNesterov && m > 0.0, decay);
        }
        return t.withLearningRate(lr).withDecay(decay);
    }
}
