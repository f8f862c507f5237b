package io.lrsweep.core.optim;

/**
 * RMSprop (Tieleman and Hinton, 2012), Keras 2.2.4 defaults lr 0.001, rho 0.9, epsilon 1e-7:
 * <pre>
 *   a = rho * a + (1 - rho) * g^2
 *   w = w - lr_t * g / (sqrt(a) + epsilon)
 * </pre>
 */
public record RmsProp(double learningRate, double rho, double epsilon, double decay) implements OptimizerSpec {

    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_EPSILON = 1e-7;

    public RmsProp {
        Checks.positive("learning_rate", learningRate);
        Checks.unitInterval("rho", rho);
        Checks.positive("epsilon", epsilon);
        Checks.nonNegative("decay", decay);
    }

    public static RmsProp defaults() {
        return new RmsProp(DEFAULT_LEARNING_RATE, DEFAULT_RHO, DEFAULT_EPSILON, 0.0);
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public RmsProp withLearningRate(double lr) {
        return new RmsProp(lr, rho, epsilon, decay);
    }

    @Override
    public RmsProp withDecay(double d) {
        return new RmsProp(learningRate, rho, epsilon, d);
    }

    @Override
    public void update(double[] w, double[] g, double lrT, OptimizerState state) {
        double[] a = state.second;
        double oneMinusRho = 1.0 - rho;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            double ai = rho * a[i] + oneMinusRho * gi * gi;
            a[i] = ai;
            w[i] = w[i] - lrT * gi / (Math.sqrt(ai) + epsilon);
        }
    }
}
