package io.lrsweep.core.optim;

/**
 * AdamW (Loshchilov and Hutter, "Decoupled Weight Decay Regularization", 2019) exactly as PyTorch's
 * {@code torch.optim.AdamW} defines it (amsgrad off, not maximising), with its defaults: lr 0.001,
 * betas (0.9, 0.999), eps 1e-8, weight_decay 0.01. With {@code s = t + 1}:
 * <pre>
 *   w = w * (1 - lr_t * wd)                       (decoupled decay, kernels only; see {@link WeightDecay})
 *   m = beta_1 * m + (1 - beta_1) * g
 *   v = beta_2 * v + (1 - beta_2) * g^2
 *   bc1 = 1 - beta_1^s;  bc2 = 1 - beta_2^s
 *   w = w - (lr_t / bc1) * (m / (sqrt(v) / sqrt(bc2) + eps))
 * </pre>
 * This is PyTorch's bias correction, not Keras's: epsilon is added to the bias-corrected
 * {@code sqrt(v / bc2)} (Keras's Adam adds it to {@code sqrt(v)} and folds both corrections into
 * the learning rate), and its default is 1e-8, PyTorch's, not Keras's 1e-7. The weight decay's
 * default is PyTorch's 0.01 too: AdamW is PyTorch's feature, and at 0 it would be Adam with another
 * epsilon. Decay is applied to the kernel weights only (PyTorch with the biases in a parameter
 * group of weight_decay 0, the common practice), the same weights the coupled optimizers' L2
 * covers. The operations follow {@code torch/optim/adam.py}'s single-tensor path; PyTorch forms m
 * with {@code lerp} (an FMA on most CPUs), so its last bit may differ from this plain form.
 */
import java.util.List;

import static io.lrsweep.core.optim.OptimizerType.DECAY;
import static io.lrsweep.core.optim.OptimizerType.LEARNING_RATE;
import static io.lrsweep.core.optim.OptimizerType.WEIGHT_DECAY;
import static io.lrsweep.core.optim.OptimizerType.map;
import static io.lrsweep.core.optim.OptimizerType.number;

public record AdamW(double learningRate, double beta1, double beta2, double epsilon, double decay, double weightDecay)
        implements OptimizerSpec {

    public static final OptimizerType<AdamW> TYPE = new OptimizerType<>("adamw",
            Field.number(LEARNING_RATE, 0.001, "a finite number > 0"),
            List.of(Field.number("beta_1", 0.9, "in [0, 1)"), Field.number("beta_2", 0.999, "in [0, 1)"),
                    Field.number("epsilon", 1e-8, "a finite number > 0")),
            Field.number(WEIGHT_DECAY, 0.01,
                    "a finite number >= 0, decoupled (see grid.weight_decay)"),
            v -> new AdamW(number(v, LEARNING_RATE), number(v, "beta_1"), number(v, "beta_2"), number(v, "epsilon"),
                    number(v, DECAY), number(v, WEIGHT_DECAY)),
            a -> map(LEARNING_RATE, a.learningRate(), "beta_1", a.beta1(), "beta_2", a.beta2(), "epsilon", a.epsilon(),
                    DECAY, a.decay(), WEIGHT_DECAY, a.weightDecay()));

    public AdamW {
        Checks.positive("learning_rate", learningRate);
        Checks.unitInterval("beta_1", beta1);
        Checks.unitInterval("beta_2", beta2);
        Checks.positive("epsilon", epsilon);
        Checks.nonNegative("decay", decay);
        Checks.nonNegative("weight_decay", weightDecay);
    }

    /** PyTorch's defaults. */
    public static AdamW defaults() {
        return TYPE.defaults();
    }

    @Override
    public String name() {
        return "adamw";
    }

    @Override
    public WeightDecay weightDecayStyle() {
        return WeightDecay.DECOUPLED;
    }

    @Override
    public AdamW withLearningRate(double lr) {
        return new AdamW(lr, beta1, beta2, epsilon, decay, weightDecay);
    }

    @Override
    public AdamW withDecay(double d) {
        return new AdamW(learningRate, beta1, beta2, epsilon, d, weightDecay);
    }

    @Override
    public AdamW withWeightDecay(double wd) {
        return new AdamW(learningRate, beta1, beta2, epsilon, decay, wd);
    }

    @Override
    public List<String> slots() {
        return List.of("m", "v");
    }

    /** As Adam's: idle once the first moment is exactly zero (the weight decay is the caller's, see {@link Optimizer}). */
    @Override
    public boolean idleWithoutGradient(double[][] slots) {
        for (double mi : slots[0]) {
            if (mi != 0.0) {
                return false;
            }
        }
        return true;
    }

    /** The Adam step after the decoupled decay, which {@link Optimizer#step} has applied. */
    @Override
    public void update(double[] w, double[] g, double[][] slots, double lrT, long t) {
        double s = (double) (t + 1);
        double biasCorrection1 = 1.0 - StrictMath.pow(beta1, s);
        double biasCorrection2Sqrt = Math.sqrt(1.0 - StrictMath.pow(beta2, s));
        double stepSize = lrT / biasCorrection1;
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
            double denom = Math.sqrt(vi) / biasCorrection2Sqrt + epsilon;
            w[i] = w[i] - stepSize * (mi / denom);
        }
    }
}
