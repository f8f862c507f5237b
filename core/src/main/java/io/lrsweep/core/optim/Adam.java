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
import java.util.List;

import static io.lrsweep.core.optim.OptimizerType.DECAY;
import static io.lrsweep.core.optim.OptimizerType.WEIGHT_DECAY;
import static io.lrsweep.core.optim.OptimizerType.LEARNING_RATE;
import static io.lrsweep.core.optim.OptimizerType.map;
import static io.lrsweep.core.optim.OptimizerType.number;

public record Adam(double learningRate, double beta1, double beta2, double epsilon, double decay, double weightDecay)
        implements OptimizerSpec {

    public static final OptimizerType<Adam> TYPE = new OptimizerType<>("adam",
            Field.number(LEARNING_RATE, 0.001, "a finite number > 0"),
            List.of(Field.number("beta_1", 0.9, "in [0, 1)"), Field.number("beta_2", 0.999, "in [0, 1)"),
                    Field.number("epsilon", 1e-7, "a finite number > 0")),
            v -> new Adam(number(v, LEARNING_RATE), number(v, "beta_1"), number(v, "beta_2"), number(v, "epsilon"),
                    number(v, DECAY), number(v, WEIGHT_DECAY)),
            a -> map(LEARNING_RATE, a.learningRate(), "beta_1", a.beta1(), "beta_2", a.beta2(), "epsilon", a.epsilon(),
                    DECAY, a.decay(), WEIGHT_DECAY, a.weightDecay()));


    public Adam {
        Checks.positive("learning_rate", learningRate);
        Checks.unitInterval("beta_1", beta1);
        Checks.unitInterval("beta_2", beta2);
        Checks.positive("epsilon", epsilon);
        Checks.nonNegative("decay", decay);
        Checks.nonNegative("weight_decay", weightDecay);
    }

    /** Without weight decay. */
    public Adam(double learningRate, double beta1, double beta2, double epsilon, double decay) {
        this(learningRate, beta1, beta2, epsilon, decay, 0.0);
    }

    public static Adam defaults() {
        return TYPE.defaults();
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public Adam withLearningRate(double lr) {
        return new Adam(lr, beta1, beta2, epsilon, decay, weightDecay);
    }

    @Override
    public Adam withDecay(double d) {
        return new Adam(learningRate, beta1, beta2, epsilon, d, weightDecay);
    }

    @Override
    public Adam withWeightDecay(double wd) {
        return new Adam(learningRate, beta1, beta2, epsilon, decay, wd);
    }

    @Override
    public java.util.List<String> slots() {
        return java.util.List.of("m", "v");
    }

    /**
     * Idle only once the first moment is exactly zero: while it is not, a growing bias-corrected
     * learning rate (or a schedule) could still move a weight.
     */
    @Override
    public boolean idleWithoutGradient(double[][] slots) {
        for (double mi : slots[0]) {
            if (mi != 0.0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void update(double[] w, double[] g, double[][] slots, double lrT, long t) {
        double s = (double) (t + 1);
        double lrS = lrT * (Math.sqrt(1.0 - StrictMath.pow(beta2, s)) / (1.0 - StrictMath.pow(beta1, s)));
        double[] m = slots[0];
        double[] v = slots[1];
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
