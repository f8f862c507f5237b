package io.lrsweep.core.optim;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and time-based decay,
 * Keras 2.2.4 convention (defaults lr 0.01, momentum 0, decay 0, nesterov false):
 * <pre>
 *   v = momentum * v - lr_t * g
 *   w = w + v                              (nesterov false)
 *   w = w + momentum * v - lr_t * g        (nesterov true)
 * </pre>
 * This is not PyTorch's convention ({@code v = m v + g; w -= lr v}); the two agree only at a
 * constant learning rate.
 */
public record Sgd(double learningRate, double momentum, boolean nesterov, double decay) implements OptimizerSpec {

    public static final double DEFAULT_LEARNING_RATE = 0.01;

    public Sgd {
        Checks.positive("learning_rate", learningRate);
        Checks.unitInterval("momentum", momentum);
        Checks.nonNegative("decay", decay);
        if (nesterov && momentum == 0.0) {
            throw new IllegalArgumentException("nesterov needs momentum > 0, got momentum " + momentum);
        }
    }

    /** Keras defaults. */
    public static Sgd defaults() {
        return new Sgd(DEFAULT_LEARNING_RATE, 0.0, false, 0.0);
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public Sgd withLearningRate(double lr) {
        return new Sgd(lr, momentum, nesterov, decay);
    }

    @Override
    public Sgd withDecay(double d) {
        return new Sgd(learningRate, momentum, nesterov, d);
    }

    public Sgd withMomentum(double m) {
        return new Sgd(learningRate, m, nesterov && m > 0.0, decay);
    }

    @Override
    public void update(double[] w, double[] g, double lrT, OptimizerState state) {
        double[] v = state.first;
        int n = w.length;
        if (momentum == 0.0) {
            // v = -lr_t * g each step, so both forms reduce to w -= lr_t * g (bit for bit).
            for (int i = 0; i < n; i++) {
                w[i] = w[i] - lrT * g[i];
            }
        } else if (nesterov) {
            for (int i = 0; i < n; i++) {
                double vi = momentum * v[i] - lrT * g[i];
                v[i] = vi;
                w[i] = w[i] + momentum * vi - lrT * g[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                double vi = momentum * v[i] - lrT * g[i];
                v[i] = vi;
                w[i] = w[i] + vi;
            }
        }
    }
}
