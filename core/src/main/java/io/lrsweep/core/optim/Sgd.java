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
import java.util.List;

import static io.lrsweep.core.optim.OptimizerType.DECAY;
import static io.lrsweep.core.optim.OptimizerType.WEIGHT_DECAY;
import static io.lrsweep.core.optim.OptimizerType.LEARNING_RATE;
import static io.lrsweep.core.optim.OptimizerType.bool;
import static io.lrsweep.core.optim.OptimizerType.map;
import static io.lrsweep.core.optim.OptimizerType.number;

public record Sgd(double learningRate, double momentum, boolean nesterov, double decay, double weightDecay)
        implements OptimizerSpec {

    /**
     * Momentum and nesterov are grid axes (nesterov's single value may also be set in the sgd
     * block, as sweep files did before it was an axis). Nesterov applies where momentum > 0
     * (Nesterov momentum with momentum 0 is plain SGD, so those trials run without it).
     */
    public static final OptimizerType<Sgd> TYPE = new OptimizerType<>("sgd",
            Field.number(LEARNING_RATE, 0.01, "a finite number > 0"),
            List.of(Field.number("momentum", 0.0, "in [0, 1)").asAxis(),
                    Field.bool("nesterov", false, "Nesterov momentum where momentum > 0").asBase()),
            v -> {
                double m = number(v, "momentum");
                return new Sgd(number(v, LEARNING_RATE), m, bool(v, "nesterov") && m > 0.0, number(v, DECAY),
                        number(v, WEIGHT_DECAY));
            },
            s -> map(LEARNING_RATE, s.learningRate(), "momentum", s.momentum(), "nesterov", s.nesterov(), DECAY, s.decay(),
                    WEIGHT_DECAY, s.weightDecay()));


    public Sgd {
        Checks.positive("learning_rate", learningRate);
        Checks.unitInterval("momentum", momentum);
        Checks.nonNegative("decay", decay);
        Checks.nonNegative("weight_decay", weightDecay);
        if (nesterov && momentum == 0.0) {
            throw new IllegalArgumentException("nesterov needs momentum > 0, got momentum " + momentum);
        }
    }

    /** Without weight decay. */
    public Sgd(double learningRate, double momentum, boolean nesterov, double decay) {
        this(learningRate, momentum, nesterov, decay, 0.0);
    }

    /** Keras defaults. */
    public static Sgd defaults() {
        return TYPE.defaults();
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public Sgd withLearningRate(double lr) {
        return new Sgd(lr, momentum, nesterov, decay, weightDecay);
    }

    @Override
    public Sgd withDecay(double d) {
        return new Sgd(learningRate, momentum, nesterov, d, weightDecay);
    }

    @Override
    public Sgd withWeightDecay(double wd) {
        return new Sgd(learningRate, momentum, nesterov, decay, wd);
    }

    @Override
    public java.util.List<String> slots() {
        return java.util.List.of("velocity");
    }

    /**
     * With no gradient the velocity only shrinks ({@code v = momentum * v}) and keeps its sign; if
     * it moved no weight over a whole epoch it never will again.
     */
    @Override
    public boolean idleWithoutGradient(double[][] slots) {
        return true;
    }

    @Override
    public void update(double[] w, double[] g, double[][] slots, double lrT, long t) {
        double[] v = slots[0];
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
