package io.lrsweep.core.optim;

import io.lrsweep.core.model.Activation;
import io.lrsweep.core.model.Network;
import io.lrsweep.core.train.LearningRate;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weight decay and AdamW, first updates by hand: w0 = [0.5, -1, 2] where w[0], w[1] are kernel
 * weights and w[2] a bias, with OptimizerGoldenTest's gradients. Values beyond the first step were
 * worked out from the formulas in 40-digit decimal arithmetic (Python's decimal module).
 */
class WeightDecayGoldenTest {
    private static final double[] W0 = {0.5, -1.0, 2.0};
    private static final double[][] G = {{0.1, -0.2, 0.3}, {0.05, 0.4, -0.1}, {-0.3, 0.1, 0.2}};
    /** Entries 0 and 1 are kernel weights, entry 2 a bias. */
    private static final ParameterBlock BLOCK = new ParameterBlock(3, new int[]{0}, new int[]{2});
    private static final double TOL = 1e-15;

    private static double[][] run(OptimizerSpec spec, int steps) {
        double[] w = W0.clone();
        Optimizer opt = new Optimizer(spec, BLOCK);
        double[][] out = new double[steps][];
        for (int s = 0; s < steps; s++) {
            opt.step(w, G[s].clone(), LearningRate.of(spec.learningRate(), 1.0, spec.decay(), s));
            out[s] = w.clone();
        }
        return out;
    }

    @Test
    void coupledL2SgdByHand() {
        double[][] w = run(new Sgd(0.01, 0.0, false, 0.0, 0.1), 2);
        // g' = g + 2 x 0.1 x w on the kernels: [0.1 + 0.1, -0.2 - 0.2, 0.3 (bias: no decay)]
        assertArrayEquals(new double[]{0.5 - 0.002, -1.0 + 0.004, 2.0 - 0.003}, w[0], TOL);
        // g' = [0.05 + 0.2 x 0.498, 0.4 - 0.2 x 0.996, -0.1] = [0.1496, 0.2008, -0.1]
        assertArrayEquals(new double[]{0.498 - 0.001496, -0.996 - 0.002008, 1.997 + 0.001}, w[1], TOL);
    }

    @Test
    void coupledL2WithMomentumAndNesterovByHand() {
        double[][] w = run(new Sgd(0.01, 0.9, false, 0.0, 0.1), 2);
        // v1 = -0.01 g'1 = [-0.002, 0.004, -0.003]; v2 = 0.9 v1 - 0.01 [0.1496, 0.2008, -0.1]
        assertArrayEquals(new double[]{0.498, -0.996, 1.997}, w[0], TOL);
        assertArrayEquals(new double[]{0.498 - 0.003296, -0.996 + 0.001592, 1.997 - 0.0017}, w[1], TOL);
        double[][] n = run(new Sgd(0.01, 0.9, true, 0.0, 0.1), 2);
        // w1 = w0 + 0.9 v1 - 0.01 g'1 = w0 - 0.019 g'1
        assertArrayEquals(new double[]{0.4962, -0.9924, 1.9943}, n[0], TOL);
        assertArrayEquals(new double[]{0.49174444, -0.99298888, 1.99377}, n[1], TOL);
    }

    @Test
    void coupledL2AdaptiveOptimizersFromTheFormulas() {
        double[][] rms = run(new RmsProp(0.001, 0.9, 1e-7, 0.0, 0.1), 2);
        assertArrayEquals(new double[]{0.4968377273398237, -0.9968377248398296, 1.9968377256731614}, rms[0], TOL);
        assertArrayEquals(new double[]{0.4948816695406179, -0.9983157884791182, 1.9978860094109834}, rms[1], TOL);
        double[][] ada = run(new Adagrad(0.01, 1e-7, 0.0, 0.0, Adagrad.Variant.KERAS, 0.1), 2);
        // a1 = g'^2: the first step is lr g' / (|g'| + 1e-7), just under lr sign(g')
        assertArrayEquals(new double[]{0.5 - 0.01 * 0.2 / (0.2 + 1e-7), -1.0 + 0.01 * 0.4 / (0.4 + 1e-7),
                2.0 - 0.01 * 0.3 / (0.3 + 1e-7)}, ada[0], TOL);
        assertArrayEquals(new double[]{0.4840515773107217, -0.9945078071979555, 1.9931622799935009}, ada[1], TOL);
        double[][] adam = run(new Adam(0.001, 0.9, 0.999, 1e-7, 0.0, 0.1), 3);
        assertArrayEquals(new double[]{0.4990000158111383, -0.9990000079056317, 1.9990000105408144}, adam[0], TOL);
        assertArrayEquals(new double[]{0.4980175769874467, -0.9987340589191813, 1.9985997959728079}, adam[1], TOL);
        assertArrayEquals(new double[]{0.4978251798756824, -0.9983942603150268, 1.9979967145817946}, adam[2], TOL);
    }

    @Test
    void adamwByHand() {
        AdamW spec = AdamW.defaults();
        assertEquals(new AdamW(0.001, 0.9, 0.999, 1e-8, 0.0, 0.01), spec, "PyTorch's defaults");
        double[][] w = run(spec, 3);
        // s = 1: the kernels shrink by 1 - 0.001 x 0.01 = 0.99999; m = 0.1 g, v = 0.001 g^2,
        // bc1 = 0.1, bc2 = 0.001: step size 0.01, denominator |g| + 1e-8, so each weight moves by
        // 0.01 x 0.1 |g| / (|g| + 1e-8), just under lr = 0.001, against the gradient's sign
        assertArrayEquals(new double[]{0.5 * 0.99999 - 0.001 * 0.1 / (0.1 + 1e-8), -0.99999 + 0.001 * 0.2 / (0.2 + 1e-8),
                2.0 - 0.001 * 0.3 / (0.3 + 1e-8)}, w[0], TOL);
        assertArrayEquals(new double[]{0.49899500009999999, -0.99899000004999999, 1.9990000000333333}, w[0], TOL);
        assertArrayEquals(new double[]{0.4980578306291177, -0.9993461136654599, 1.9985997814792808}, w[1], TOL);
        assertArrayEquals(new double[]{0.4984000735389966, -0.9997517713885012, 1.9979966950157614}, w[2], TOL);
    }

    @Test
    void adamwIsPyTorchsAdamNotKerasAtZeroDecay() {
        // Same lr and betas, same epsilon: the two differ only in where epsilon enters, which the
        // first step shows on a tiny gradient (PyTorch: sqrt(v / bc2) + eps = |g| + eps)
        double[] w = {0.0};
        new Optimizer(new AdamW(0.001, 0.9, 0.999, 1e-7, 0.0, 0.0), 1).step(w, new double[]{1e-6}, 0.001);
        assertEquals(-0.001 * 1e-6 / (1e-6 + 1e-7), w[0], 1e-18);
        double[] k = {0.0};
        new Optimizer(new Adam(0.001, 0.9, 0.999, 1e-7, 0.0), 1).step(k, new double[]{1e-6}, 0.001);
        assertEquals(-0.001 * 1e-6 / (1e-6 + 1e-7 / Math.sqrt(0.001)), k[0], 1e-18, "Keras: eps on sqrt(v) before correction");
    }

    @Test
    void decayTouchesKernelsOnlyNeverBiasesOrPads() {
        Network net = new Network(new int[]{3, 5, 2}, Activation.RELU);
        ParameterBlock block = net.parameterBlock();
        double[] w = new double[net.parameterCount()];
        net.initialize(io.lrsweep.core.random.SplitMix64.stream(7, "init"), w, 0);
        for (int l = 0; l < net.layers(); l++) {
            for (int o = 0; o < net.width(l + 1); o++) {
                w[net.biasOffset(l) + o] = 0.25;
            }
        }
        int kernels = 0;
        for (int i = 0; i < w.length; i++) {
            kernels += block.isKernel(i) ? 1 : 0;
        }
        assertEquals(3 * 5 + 5 * 2, kernels, "every real kernel weight, nothing else");
        double[] before = w.clone();
        for (OptimizerSpec spec : new OptimizerSpec[]{new Sgd(0.1, 0.9, false, 0.0, 0.5), AdamW.defaults().withWeightDecay(0.5)}) {
            double[] p = before.clone();
            Optimizer opt = new Optimizer(spec, block);
            assertFalse(opt.idleWithoutGradient(), "weight decay moves weights without a gradient");
            for (int s = 0; s < 3; s++) {
                opt.step(p, new double[p.length], 0.1);
            }
            for (int i = 0; i < p.length; i++) {
                if (block.isKernel(i)) {
                    assertTrue(Math.abs(p[i]) < Math.abs(before[i]), spec.name() + " shrinks kernel weight " + i);
                } else {
                    assertEquals(Double.doubleToRawLongBits(before[i]), Double.doubleToRawLongBits(p[i]),
                            spec.name() + " leaves bias or pad " + i + " bit for bit");
                }
            }
        }
        double[] p = before.clone();
        new Optimizer(new Sgd(0.1, 0.0, false, 0.0, 0.5), block).step(p, new double[p.length], 0.1);
        int i = net.weightIndex(1, 4, 1);
        assertEquals(before[i] * (1.0 - 2 * 0.5 * 0.1), p[i], 1e-16, "zero gradient: w - lr 2 wd w");
        assertTrue(new Optimizer(Sgd.defaults(), block).idleWithoutGradient());
    }

    @Test
    void penaltyIsKerasL2OverTheKernels() {
        double[] w = W0.clone();
        assertEquals(0.1 * (0.25 + 1.0), new Optimizer(new Adam(0.001, 0.9, 0.999, 1e-7, 0.0, 0.1), BLOCK).l2Penalty(w), 1e-16);
        assertEquals(0.0, new Optimizer(AdamW.defaults(), BLOCK).l2Penalty(w), 0.0, "decoupled decay adds no loss term");
        assertEquals(0.0, new Optimizer(Sgd.defaults(), BLOCK).l2Penalty(w), 0.0);
    }

    @Test
    void weightDecayNeedsTheBlockAndAValidValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Optimizer(new Sgd(0.01, 0.0, false, 0.0, 1e-4), 3));
        assertTrue(e.getMessage().contains("needs the parameter block"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Adam(0.001, 0.9, 0.999, 1e-7, 0.0, -1.0));
        assertTrue(e.getMessage().contains("weight_decay must be a finite number >= 0, got -1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ParameterBlock(4, new int[]{0, 1}, new int[]{2, 2}));
        assertTrue(e.getMessage().contains("overlapping"), e.getMessage());
        assertEquals(Arrays.asList(WeightDecay.COUPLED_L2, WeightDecay.COUPLED_L2, WeightDecay.COUPLED_L2, WeightDecay.COUPLED_L2,
                WeightDecay.DECOUPLED), Optimizers.ALL.stream().map(t -> t.defaults().weightDecayStyle()).toList());
        assertEquals(0.01, AdamW.TYPE.defaults().weightDecay(), 0.0);
        assertEquals(0.0, Adam.TYPE.defaults().weightDecay(), 0.0);
    }
}
