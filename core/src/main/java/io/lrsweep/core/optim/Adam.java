package io.lrsweep.core.optim;

/**
 * Adam (Kingma and Ba, 2015), Keras 2.2.4 form with the bias correction folded into the step
 * (defaults lr 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7). With {@code s = t + 1}:
 * <pre>
 *   lr_s = lr_t * sqrt(1 - beta_2^s) / (1 - beta_1^s)
 *   m = beta_1 * m + (1 - beta_1) * g
 *   v = beta_2 * v + (1 - beta_2) * g^2
 *   w = w - lr_s * m / (sqrt(v) + epsilon)
 * </pre>
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon, double decay) implements OptimizerSpec {

    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_BETA_1 = 0.9;
    public static final double DEFAULT_BETA_2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-7;

    public Adam {
        Checks.positive("learning_rate", learningRate);
        Checks.unitInterval("beta_1", beta1);
        Checks.unitInterval("beta_2", beta2);
        Checks.positive("epsilon", epsilon);
        Checks.nonNegative("decay", decay);
    }

    public static Adam defaults() {
        return new Adam(DEFAULT_LEARNING_RATE, DEFAULT_BETA_1, DEFAULT_BETA_2, DEFAULT_EPSILON, 0.0);
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public Adam withLearningRate(double lr) {
        return new Adam(lr, beta1, beta2, epsilon, decay);
    }

    @Override
    public Adam withDecay(double d) {
        return new Adam(learningRate, beta1, beta2, epsilon, d);
    }

    @Override
    public void update(double[] w, double[] g, double lrT, OptimizerState state) {
        double s = (double) (state.updates + 1);
        double lrS = lrT * (Math.sqrt(1.0 - Math.pow(beta2, s)) / (1.0 - Math.pow(beta1, s)));
        double[] m = state.first;
        double[] v = state.second;
        double oneMinusB1 = 1.0 - beta1;
        double oneMinusB2 = 1.0 - beta2;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            double mi = beta1 * m[i] + oneMinusB1 * gi;
            double vi = beta2 * v[i] + oneMinusB2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            w[i] = w[i] - lrS * mi / (Math.sqrt(vi) + epsilon);
        }
    }
}
