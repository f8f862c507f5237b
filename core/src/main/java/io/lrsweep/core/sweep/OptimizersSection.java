package io.lrsweep.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lrsweep.core.optim.Adagrad;
import io.lrsweep.core.optim.Adam;
import io.lrsweep.core.optim.OptimizerSpec;
import io.lrsweep.core.optim.RmsProp;
import io.lrsweep.core.optim.Sgd;

import java.util.ArrayList;
import java.util.List;

/**
 * The sweep file's {@code optimizers} block: per optimizer, the hyperparameters that are not grid
 * axes (Keras 2.2.4 defaults), plus an optional base {@code learning_rate} used when the grid has no
 * learning-rate axis. The written form of a sweep uses that field to show each optimizer's learning
 * rate when the grid has none, so a resolved sweep reads back to the same trials.
 */
final class OptimizersSection {
    static final String PATH = "optimizers";
    static final List<String> SGD_FIELDS = List.of("learning_rate", "nesterov");
    static final List<String> RMSPROP_FIELDS = List.of("learning_rate", "rho", "epsilon");
    static final List<String> ADAGRAD_FIELDS = List.of("learning_rate", "variant", "epsilon", "initial_accumulator");
    static final List<String> ADAM_FIELDS = List.of("learning_rate", "beta_1", "beta_2", "epsilon");

    /** The templates, the optimizers the block names, and those among them that set a learning_rate. */
    record Read(OptimizerTemplates templates, List<String> configured, List<String> withLearningRate) {}

    private OptimizersSection() {}

    static Read read(JsonNode node) {
        if (node == null) {
            return new Read(OptimizerTemplates.defaults(), List.of(), List.of());
        }
        JsonFields block = JsonFields.of(node, PATH, OptimizerSpec.NAMES);
        List<String> configured = new ArrayList<>();
        List<String> withLearningRate = new ArrayList<>();
        for (String name : OptimizerSpec.NAMES) {
            if (block.has(name)) {
                configured.add(name);
                if (block.get(name).has("learning_rate")) {
                    withLearningRate.add(name);
                }
            }
        }
        JsonFields sgd = block.object("sgd", SGD_FIELDS);
        JsonFields rmsprop = block.object("rmsprop", RMSPROP_FIELDS);
        JsonFields adagrad = block.object("adagrad", ADAGRAD_FIELDS);
        JsonFields adam = block.object("adam", ADAM_FIELDS);
        OptimizerTemplates templates = new OptimizerTemplates(sgd(sgd), sgd != null && sgd.bool("nesterov", false),
                rmsprop(rmsprop), adagrad(adagrad), adam(adam));
        return new Read(templates, List.copyOf(configured), List.copyOf(withLearningRate));
    }

    private static Sgd sgd(JsonFields f) {
        if (f == null) {
            return Sgd.defaults();
        }
        try {
            return new Sgd(f.number("learning_rate", Sgd.DEFAULT_LEARNING_RATE), 0.0, false, 0.0);
        } catch (IllegalArgumentException e) {
            throw SweepSpecException.wrap(f.path(), SGD_FIELDS, e);
        }
    }

    private static RmsProp rmsprop(JsonFields f) {
        if (f == null) {
            return RmsProp.defaults();
        }
        try {
            return new RmsProp(f.number("learning_rate", RmsProp.DEFAULT_LEARNING_RATE), f.number("rho", RmsProp.DEFAULT_RHO),
                    f.number("epsilon", RmsProp.DEFAULT_EPSILON), 0.0);
        } catch (IllegalArgumentException e) {
            throw SweepSpecException.wrap(f.path(), RMSPROP_FIELDS, e);
        }
    }

    private static Adagrad adagrad(JsonFields f) {
        if (f == null) {
            return Adagrad.defaults();
        }
        Adagrad.Variant variant = Adagrad.Variant.KERAS;
        if (f.has("variant")) {
            String label = f.string("variant", null);
            try {
                variant = Adagrad.Variant.fromLabel(label);
            } catch (IllegalArgumentException e) {
                throw SweepSpecException.at(f.path("variant"), "must be one of [keras, tf.keras], got '" + label + "'");
            }
        }
        try {
            return new Adagrad(f.number("learning_rate", variant.defaultLearningRate), f.number("epsilon", Adagrad.DEFAULT_EPSILON),
                    f.number("initial_accumulator", variant.defaultInitialAccumulator), 0.0, variant);
        } catch (IllegalArgumentException e) {
            throw SweepSpecException.wrap(f.path(), ADAGRAD_FIELDS, e);
        }
    }

    private static Adam adam(JsonFields f) {
        if (f == null) {
            return Adam.defaults();
        }
        try {
            return new Adam(f.number("learning_rate", Adam.DEFAULT_LEARNING_RATE), f.number("beta_1", Adam.DEFAULT_BETA_1),
                    f.number("beta_2", Adam.DEFAULT_BETA_2), f.number("epsilon", Adam.DEFAULT_EPSILON), 0.0);
        } catch (IllegalArgumentException e) {
            throw SweepSpecException.wrap(f.path(), ADAM_FIELDS, e);
        }
    }

    /**
     * The block for the optimizers of {@code grid}, every hyperparameter written; each one's base
     * learning rate too when the grid has no learning-rate axis.
     */
    static ObjectNode write(OptimizerTemplates templates, Grid grid) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        boolean baseLearningRate = grid.learningRates() == null;
        for (String name : grid.optimizers()) {
            ObjectNode b = o.putObject(name);
            OptimizerSpec t = templates.template(name);
            if (baseLearningRate) {
                b.put("learning_rate", t.learningRate());
            }
            if (t instanceof Sgd) {
                b.put("nesterov", templates.sgdNesterov());
            } else if (t instanceof RmsProp r) {
                b.put("rho", r.rho());
                b.put("epsilon", r.epsilon());
            } else if (t instanceof Adagrad a) {
                b.put("variant", a.variant().label);
                b.put("epsilon", a.epsilon());
                b.put("initial_accumulator", a.initialAccumulator());
            } else if (t instanceof Adam a) {
                b.put("beta_1", a.beta1());
                b.put("beta_2", a.beta2());
                b.put("epsilon", a.epsilon());
            }
        }
        return o;
    }
}
