package io.lrsweep.core.optim;

/**
 * Adagrad (Duchi, Hazan and Singer, 2011):
 * <pre>
 *   a = a + g^2
 *   w = w - lr_t * g / (sqrt(a) + epsilon)
 * </pre>
 * Two variants: Keras 2.2.4's (the default: lr 0.01, accumulator starts at 0) and tf.keras 2.x's
 * (lr 0.001, accumulator starts at 0.1), chosen by {@link Variant}; never mixed silently.
 */
import java.util.List;

import static io.lrsweep.core.optim.OptimizerType.DECAY;
import static io.lrsweep.core.optim.OptimizerType.WEIGHT_DECAY;
import static io.lrsweep.core.optim.OptimizerType.LEARNING_RATE;
import static io.lrsweep.core.optim.OptimizerType.choice;
import static io.lrsweep.core.optim.OptimizerType.map;
import static io.lrsweep.core.optim.OptimizerType.number;

public record Adagrad(double learningRate, double epsilon, double initialAccumulator, double decay, Variant variant,
                      double weightDecay) implements OptimizerSpec {

    /** The variant decides the learning rate's and the accumulator's defaults. */
    public static final OptimizerType<Adagrad> TYPE = new OptimizerType<>("adagrad",
            Field.number(LEARNING_RATE, v -> variant(v).defaultLearningRate, "a finite number > 0 (keras: 0.01, tf.keras: 0.001)"),
            List.of(Field.choice("variant", List.of("keras", "tf.keras"), "keras", "keras: Keras 2.2.4; tf.keras: tf.keras 2.x"),
                    Field.number("epsilon", 1e-7, "a finite number > 0"),
                    Field.number("initial_accumulator", v -> variant(v).defaultInitialAccumulator,
                            "a finite number >= 0 (keras: 0.0, tf.keras: 0.1)")),
            v -> new Adagrad(number(v, LEARNING_RATE), number(v, "epsilon"), number(v, "initial_accumulator"), number(v, DECAY),
                    variant(v), number(v, WEIGHT_DECAY)),
            a -> map(LEARNING_RATE, a.learningRate(), "variant", a.variant().label, "epsilon", a.epsilon(),
                    "initial_accumulator", a.initialAccumulator(), DECAY, a.decay(), WEIGHT_DECAY, a.weightDecay()));

    private static Variant variant(java.util.Map<String, Object> v) {
        Object label = v.get("variant");
        return label == null ? Variant.KERAS : Variant.fromLabel(choice(v, "variant"));
    }


    public enum Variant {
        /** Keras 2.2.4: lr 0.01, accumulator starts at 0. */
        KERAS("keras", 0.01, 0.0),
        /** tf.keras 2.x: lr 0.001, accumulator starts at 0.1. */
        TF_KERAS("tf.keras", 0.001, 0.1);

        public final String label;
        public final double defaultLearningRate;
        public final double defaultInitialAccumulator;

        Variant(String label, double defaultLearningRate, double defaultInitialAccumulator) {
            this.label = label;
            this.defaultLearningRate = defaultLearningRate;
            this.defaultInitialAccumulator = defaultInitialAccumulator;
        }

        public static Variant fromLabel(String label) {
            for (Variant v : values()) {
                if (v.label.equals(label)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("adagrad variant must be one of [keras, tf.keras], got '" + label + "'");
        }
    }

    public Adagrad {
        Checks.positive("learning_rate", learningRate);
        Checks.positive("epsilon", epsilon);
        Checks.nonNegative("initial_accumulator", initialAccumulator);
        Checks.nonNegative("decay", decay);
        Checks.nonNegative("weight_decay", weightDecay);
        if (variant == null) {
            throw new IllegalArgumentException("adagrad variant must be one of [keras, tf.keras], got null");
        }
    }

    /** Without weight decay. */
    public Adagrad(double learningRate, double epsilon, double initialAccumulator, double decay, Variant variant) {
        this(learningRate, epsilon, initialAccumulator, decay, variant, 0.0);
    }

    public static Adagrad defaults() {
        return defaults(Variant.KERAS);
    }

    public static Adagrad defaults(Variant variant) {
        return TYPE.create(java.util.Map.of("variant", variant.label));
    }

    @Override
    public String name() {
        return "adagrad";
    }

    @Override
    public Adagrad withLearningRate(double lr) {
        return new Adagrad(lr, epsilon, initialAccumulator, decay, variant, weightDecay);
    }

    @Override
    public Adagrad withDecay(double d) {
        return new Adagrad(learningRate, epsilon, initialAccumulator, d, variant, weightDecay);
    }

    @Override
    public Adagrad withWeightDecay(double wd) {
        return new Adagrad(learningRate, epsilon, initialAccumulator, decay, variant, wd);
    }

    @Override
    public java.util.List<String> slots() {
        return java.util.List.of("accumulator");
    }

    @Override
    public double initialSlotValue(String name) {
        return initialAccumulator;
    }

    /** A step is proportional to the gradient. */
    @Override
    public boolean idleWithoutGradient(double[][] slots) {
        return true;
    }

    @Override
    public void update(double[] w, double[] g, double[][] slots, double lrT, long t) {
        double[] a = slots[0];
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            double ai = a[i] + gi * gi;
            a[i] = ai;
            w[i] = w[i] - lrT * gi / (Math.sqrt(ai) + epsilon);
        }
    }
}
