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
public record Adagrad(double learningRate, double epsilon, double initialAccumulator, double decay, Variant variant)
        implements OptimizerSpec {

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

    public static final double DEFAULT_EPSILON = 1e-7;

    public Adagrad {
        Checks.positive("learning_rate", learningRate);
        Checks.positive("epsilon", epsilon);
        Checks.nonNegative("initial_accumulator", initialAccumulator);
        Checks.nonNegative("decay", decay);
        if (variant == null) {
            throw new IllegalArgumentException("adagrad variant must be one of [keras, tf.keras], got null");
        }
    }

    public static Adagrad defaults() {
        return defaults(Variant.KERAS);
    }

    public static Adagrad defaults(Variant variant) {
        return new Adagrad(variant.defaultLearningRate, DEFAULT_EPSILON, variant.defaultInitialAccumulator, 0.0, variant);
    }

    @Override
    public String name() {
        return "adagrad";
    }

    @Override
    public Adagrad withLearningRate(double lr) {
        return new Adagrad(lr, epsilon, initialAccumulator, decay, variant);
    }

    @Override
    public Adagrad withDecay(double d) {
        return new Adagrad(learningRate, epsilon, initialAccumulator, d, variant);
    }

    @Override
    public void update(double[] w, double[] g, double lrT, OptimizerState state) {
        double[] a = state.second;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            double ai = a[i] + gi * gi;
            a[i] = ai;
            w[i] = w[i] - lrT * gi / (Math.sqrt(ai) + epsilon);
        }
    }
}
