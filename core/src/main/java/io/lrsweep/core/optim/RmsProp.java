package io.lrsweep.core.optim;

/**
 * RMSprop (Tieleman and Hinton, 2012), Keras 2.2.4 defaults lr 0.001, rho 0.9, epsilon 1e-7:
 * <pre>
 *   a = rho * a + (1 - rho) * g^2
 *   w = w - lr_t * g / (sqrt(a) + epsilon)
 * </pre>
 */
import java.util.List;

import static io.lrsweep.core.optim.OptimizerType.DECAY;
import static io.lrsweep.core.optim.OptimizerType.WEIGHT_DECAY;
import static io.lrsweep.core.optim.OptimizerType.LEARNING_RATE;
import static io.lrsweep.core.optim.OptimizerType.map;
import static io.lrsweep.core.optim.OptimizerType.number;

public record RmsProp(double learningRate, double rho, double epsilon, double decay, double weightDecay)
        implements OptimizerSpec {

    public static final OptimizerType<RmsProp> TYPE = new OptimizerType<>("rmsprop",
            Field.number(LEARNING_RATE, 0.001, "a finite number > 0"),
            List.of(Field.number("rho", 0.9, "in [0, 1)"), Field.number("epsilon", 1e-7, "a finite number > 0")),
            v -> new RmsProp(number(v, LEARNING_RATE), number(v, "rho"), number(v, "epsilon"), number(v, DECAY),
                    number(v, WEIGHT_DECAY)),
            r -> map(LEARNING_RATE, r.learningRate(), "rho", r.rho(), "epsilon", r.epsilon(), DECAY, r.decay(),
                    WEIGHT_DECAY, r.weightDecay()));


    public RmsProp {
        Checks.positive("learning_rate", learningRate);
        Checks.unitInterval("rho", rho);
        Checks.positive("epsilon", epsilon);
        Checks.nonNegative("decay", decay);
        Checks.nonNegative("weight_decay", weightDecay);
    }

    /** Without weight decay. */
    public RmsProp(double learningRate, double rho, double epsilon, double decay) {
        this(learningRate, rho, epsilon, decay, 0.0);
    }

    public static RmsProp defaults() {
        return TYPE.defaults();
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public RmsProp withLearningRate(double lr) {
        return new RmsProp(lr, rho, epsilon, decay, weightDecay);
    }

    @Override
    public RmsProp withDecay(double d) {
        return new RmsProp(learningRate, rho, epsilon, d, weightDecay);
    }

    @Override
    public RmsProp withWeightDecay(double wd) {
        return new RmsProp(learningRate, rho, epsilon, decay, wd);
    }

    @Override
    public java.util.List<String> slots() {
        return java.util.List.of("accumulator");
    }

    /** A step is proportional to the gradient. */
    @Override
    public boolean idleWithoutGradient(double[][] slots) {
        return true;
    }

    @Override
    public void update(double[] w, double[] g, double[][] slots, double lrT, long t) {
        double[] a = slots[0];
        double oneMinusRho = 1.0 - rho;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            double ai = rho * a[i] + oneMinusRho * gi * gi;
            a[i] = ai;
            w[i] = w[i] - lrT * gi / (Math.sqrt(ai) + epsilon);
        }
    }
}
