package io.lrsweep.core.optim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lrsweep.core.train.LearningRate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The first three updates of every optimizer on w0 = [0.5, -1, 2] with a fixed gradient
 * sequence, worked out by hand from the formulas, then cross-checked against the reference file.
 */
class OptimizerGoldenTest {
    private static final double[] W0 = {0.5, -1.0, 2.0};
    private static final double[][] G = {{0.1, -0.2, 0.3}, {0.05, 0.4, -0.1}, {-0.3, 0.1, 0.2}};
    private static final double TOL = 1e-15;

    private static double[][] run(OptimizerSpec spec) {
        double[] w = W0.clone();
        Optimizer opt = new Optimizer(spec, w.length);
        double[][] out = new double[3][];
        for (int s = 0; s < 3; s++) {
            opt.step(w, G[s].clone(), LearningRate.of(spec.learningRate(), 1.0, spec.decay(), s));
            out[s] = w.clone();
        }
        return out;
    }

    @Test
    void plainSgdByHand() {
        double[][] w = run(Sgd.defaults());
        // w1 = w0 - 0.01 g1
        assertArrayEquals(new double[]{0.5 - 0.001, -1.0 + 0.002, 2.0 - 0.003}, w[0], TOL);
        // w2 = w1 - 0.01 g2
        assertArrayEquals(new double[]{0.499 - 0.0005, -0.998 - 0.004, 1.997 + 0.001}, w[1], TOL);
        assertArrayEquals(new double[]{0.4985 + 0.003, -1.002 - 0.001, 1.998 - 0.002}, w[2], TOL);
    }

    @Test
    void momentumSgdByHand() {
        double[][] w = run(new Sgd(0.01, 0.9, false, 0.0));
        // v1 = -0.01 g1 = [-0.001, 0.002, -0.003]; w1 = w0 + v1
        assertArrayEquals(new double[]{0.499, -0.998, 1.997}, w[0], TOL);
        // v2 = 0.9 v1 - 0.01 g2 = [-0.0009 - 0.0005, 0.0018 - 0.004, -0.0027 + 0.001] = [-0.0014, -0.0022, -0.0017]
        assertArrayEquals(new double[]{0.499 - 0.0014, -0.998 - 0.0022, 1.997 - 0.0017}, w[1], TOL);
        // v3 = 0.9 v2 - 0.01 g3 = [-0.00126 + 0.003, -0.00198 - 0.001, -0.00153 - 0.002]
        assertArrayEquals(new double[]{0.4976 + 0.00174, -1.0002 - 0.00298, 1.9953 - 0.00353}, w[2], TOL);
    }

    @Test
    void nesterovSgdByHand() {
        double[][] w = run(new Sgd(0.01, 0.9, true, 0.0));
        // v1 = -0.01 g1; w1 = w0 + 0.9 v1 - 0.01 g1 = w0 - 0.019 g1
        assertArrayEquals(new double[]{0.5 - 0.0019, -1.0 + 0.0038, 2.0 - 0.0057}, w[0], TOL);
        // v2 = [-0.0014, -0.0022, -0.0017]; w2 = w1 + 0.9 v2 - 0.01 g2
        assertArrayEquals(new double[]{0.4981 - 0.00126 - 0.0005, -0.9962 - 0.00198 - 0.004, 1.9943 - 0.00153 + 0.001},
                w[1], TOL);
    }

    @Test
    void timeBasedDecayByHand() {
        double[][] w = run(new Sgd(0.01, 0.0, false, 0.1));
        // t = 0: lr 0.01; t = 1: lr 0.01 / 1.1; t = 2: lr 0.01 / 1.2
        assertArrayEquals(new double[]{0.499, -0.998, 1.997}, w[0], TOL);
        double lr1 = 0.01 / 1.1;
        assertArrayEquals(new double[]{0.499 - lr1 * 0.05, -0.998 - lr1 * 0.4, 1.997 + lr1 * 0.1}, w[1], TOL);
        double lr2 = 0.01 / 1.2;
        assertArrayEquals(new double[]{w[1][0] + lr2 * 0.3, w[1][1] - lr2 * 0.1, w[1][2] - lr2 * 0.2}, w[2], TOL);
    }

    @Test
    void rmspropByHand() {
        double[][] w = run(RmsProp.defaults());
        // a1 = 0.1 g^2; w1 = w0 - 0.001 g / (sqrt(0.1 g^2) + 1e-7) = w0 - 0.001 sign(g) / (sqrt(0.1) + 1e-7 / |g|)
        double[] expected = new double[3];
        double[] a = new double[3];
        for (int i = 0; i < 3; i++) {
            a[i] = 0.1 * G[0][i] * G[0][i];
            expected[i] = W0[i] - 0.001 * G[0][i] / (Math.sqrt(a[i]) + 1e-7);
        }
        assertArrayEquals(expected, w[0], TOL);
        assertEquals(0.5 - 0.001 / Math.sqrt(0.1), w[0][0], 1e-7, "first step is about lr / sqrt(1 - rho)");
        for (int i = 0; i < 3; i++) {
            a[i] = 0.9 * a[i] + 0.1 * G[1][i] * G[1][i];
            expected[i] = expected[i] - 0.001 * G[1][i] / (Math.sqrt(a[i]) + 1e-7);
        }
        assertArrayEquals(expected, w[1], TOL);
    }

    @Test
    void adagradByHand() {
        double[][] w = run(Adagrad.defaults());
        // a1 = g1^2: the first step is lr * g / (|g| + 1e-7), just under lr * sign(g)
        assertArrayEquals(new double[]{0.5 - 0.01 * 0.1 / (0.1 + 1e-7), -1.0 + 0.01 * 0.2 / (0.2 + 1e-7),
                2.0 - 0.01 * 0.3 / (0.3 + 1e-7)}, w[0], TOL);
        double a0 = 0.1 * 0.1 + 0.05 * 0.05;
        assertEquals(w[0][0] - 0.01 * 0.05 / (Math.sqrt(a0) + 1e-7), w[1][0], TOL);
    }

    @Test
    void tfKerasAdagradStartsWithAccumulator() {
        double[][] w = run(Adagrad.defaults(Adagrad.Variant.TF_KERAS));
        double a = 0.1 + 0.01;
        assertEquals(0.5 - 0.001 * 0.1 / (Math.sqrt(a) + 1e-7), w[0][0], TOL);
    }

    @Test
    void adamByHand() {
        double[][] w = run(Adam.defaults());
        // s = 1: lr_1 = 0.001 sqrt(0.001) / 0.1; m = 0.1 g; v = 0.001 g^2
        // w1 = w0 - lr_1 * 0.1 g / (sqrt(0.001) |g| + 1e-7): almost exactly lr * sign(g)
        double lr1 = 0.001 * Math.sqrt(1 - 0.999) / (1 - 0.9);
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            double m = 0.1 * G[0][i];
            double v = 0.001 * G[0][i] * G[0][i];
            expected[i] = W0[i] - lr1 * m / (Math.sqrt(v) + 1e-7);
        }
        assertArrayEquals(expected, w[0], TOL);
        assertEquals(0.499, w[0][0], 1e-7);
    }

    @Test
    void everyOptimizerMatchesReferenceFile() throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/reference/optimizer-golden.json")) {
            root = new ObjectMapper().readTree(in);
        }
        Map<String, OptimizerSpec> cases = new LinkedHashMap<>();
        cases.put("sgd lr=0.01", Sgd.defaults());
        cases.put("sgd lr=0.01 momentum=0.9", new Sgd(0.01, 0.9, false, 0.0));
        cases.put("sgd lr=0.01 momentum=0.9 nesterov", new Sgd(0.01, 0.9, true, 0.0));
        cases.put("sgd lr=0.01 decay=0.1", new Sgd(0.01, 0.0, false, 0.1));
        cases.put("rmsprop defaults", RmsProp.defaults());
        cases.put("adagrad defaults (keras 2.2.4: accumulator 0)", Adagrad.defaults());
        cases.put("adagrad tf.keras variant (lr 0.001, accumulator 0.1)", Adagrad.defaults(Adagrad.Variant.TF_KERAS));
        cases.put("adam defaults", Adam.defaults());
        cases.put("adam lr=0.001 decay=0.1", Adam.defaults().withDecay(0.1));
        JsonNode expectedCases = root.get("cases");
        assertEquals(expectedCases.size(), cases.size(), "every reference case is covered");
        for (Map.Entry<String, OptimizerSpec> c : cases.entrySet()) {
            double[][] got = run(c.getValue());
            JsonNode expected = expectedCases.get(c.getKey());
            for (int s = 0; s < 3; s++) {
                for (int i = 0; i < 3; i++) {
                    assertEquals(expected.get(s).get(i).asDouble(), got[s][i], 1e-15, c.getKey() + " step " + (s + 1) + " w[" + i + "]");
                }
            }
        }
    }

    private static double decayed(double lr, double decay, long t) {
        return LearningRate.of(lr, 1.0, decay, t);
    }

    @Test
    void slotsAreNamedAsThePapersDo() {
        assertEquals(java.util.List.of("velocity"), Sgd.defaults().slots());
        assertEquals(java.util.List.of("accumulator"), RmsProp.defaults().slots());
        assertEquals(java.util.List.of("accumulator"), Adagrad.defaults().slots());
        assertEquals(java.util.List.of("m", "v"), Adam.defaults().slots());
        Optimizer adam = new Optimizer(Adam.defaults(), 3);
        adam.step(W0.clone(), G[0].clone(), 0.001);
        assertArrayEquals(new double[]{0.1 * 0.1, 0.1 * -0.2, 0.1 * 0.3}, adam.slot("m"), 1e-17);
        assertEquals(0.1, new Optimizer(Adagrad.defaults(Adagrad.Variant.TF_KERAS), 2).slot("accumulator")[1], 0.0);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> adam.slot("velocity"));
    }

    @Test
    void decayFiguresFromTheReferenceText() {
        // lr 0.01 with decay 1e-4 after 200 epochs x 16 updates (t = 3200) is about 0.0075
        assertEquals(0.0075, decayed(0.01, 1e-4, 3200), 0.0001);
        // decay 1e-1: below 0.002 after 50 updates, about 0.0005 after 200 updates
        assertEquals(0.01 / 6.0, decayed(0.01, 0.1, 50), 1e-15);
        assertEquals(true, decayed(0.01, 0.1, 50) < 0.002);
        assertEquals(0.0005, decayed(0.01, 0.1, 200), 0.00003); // 0.01 / 21
        assertEquals(0.01, decayed(0.01, 0.0, 1_000_000), 0.0);
    }

    @Test
    void invalidSettingsNameTheField() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Sgd(0.0, 0.0, false, 0.0));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("learning_rate"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Sgd(0.01, 1.0, false, 0.0));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("momentum must be in [0, 1)"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Adam(0.001, 0.9, 1.2, 1e-7, 0));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("beta_2"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Sgd(0.01, 0.0, true, 0.0));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("nesterov"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new RmsProp(Double.NaN, 0.9, 1e-7, 0));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("learning_rate"), e.getMessage());
    }
}
