package io.lrsweep.core.model;

import io.lrsweep.core.random.SplitMix64;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The optimised kernel against {@link ReferenceMlp}, bit for bit: losses, correct counts and every
 * gradient value, for random shapes (1 to 3 hidden layers, 1 to 60 units, every activation),
 * batch sizes and parameters large enough to saturate the clipped loss; for one model
 * ({@link Mlp}) and several trained side by side ({@link FusedMlp}).
 */
class MlpReferenceTest {

    private record Case(int[] widths, Activation activation, int maxBatch, double[] x, int[] labels, int[] order,
                        int rows) {}

    private static Case randomCase(SplitMix64 rng, int n) {
        Activation activation = Activation.values()[n % 3];
        int layers = 1 + rng.nextInt(4);
        int[] widths = new int[layers + 1];
        for (int l = 0; l <= layers; l++) {
            widths[l] = 1 + rng.nextInt(n % 2 == 0 ? 12 : 60);
        }
        int rows = 1 + rng.nextInt(100);
        double[] x = new double[rows * widths[0]];
        for (int i = 0; i < x.length; i++) {
            x[i] = 4 * (rng.nextDouble() - 0.5);
        }
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = rng.nextInt(widths[layers]);
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        rng.shuffle(order);
        return new Case(widths, activation, 1 + rng.nextInt(40), x, labels, order, rows);
    }

    private static double[] params(Case c, SplitMix64 rng, int n) {
        double[] p = Mlp.initialParameters(c.widths(), c.activation(), rng);
        double scale = n % 5 == 0 ? 20 : 1; // large weights: saturated softmax, clipped rows
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.3 * scale * (rng.nextDouble() - 0.5);
        }
        return p;
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), what);
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertBits(expected[i], actual[i], what + "[" + i + "]");
        }
    }

    @Test
    void oneModelMatchesTheReferenceBitForBit() {
        SplitMix64 rng = new SplitMix64(99);
        for (int n = 0; n < 1500; n++) {
            Case c = randomCase(rng, n);
            double[] p = params(c, rng, n);
            String what = "case " + n + " " + Arrays.toString(c.widths()) + " " + c.activation();
            ReferenceMlp reference = new ReferenceMlp(c.widths(), c.activation(), c.maxBatch());
            Mlp mlp = new Mlp(c.widths(), c.activation(), c.maxBatch());
            int count = Math.min(c.maxBatch(), c.rows());
            double[] expectedGrad = new double[p.length];
            double[] grad = new double[p.length];
            double expected = reference.forwardBackward(p, expectedGrad, c.x(), c.labels(), c.order(), 0, count);
            double actual = mlp.forwardBackward(p, grad, c.x(), c.labels(), c.order(), 0, count);
            assertBits(expected, actual, what + " loss");
            assertEquals(reference.lastCorrect(), mlp.lastCorrect(), what + " correct");
            assertBits(expectedGrad, grad, what + " gradient");
            assertBits(reference.evaluate(p, c.x(), c.labels(), c.rows()), mlp.evaluate(p, c.x(), c.labels(), c.rows()),
                    what + " evaluation loss");
            assertEquals(reference.lastCorrect(), mlp.lastCorrect(), what + " evaluation correct");
        }
    }

    @Test
    void modelsSideBySideMatchTheReferenceBitForBit() {
        SplitMix64 rng = new SplitMix64(7);
        for (int n = 0; n < 300; n++) {
            Case c = randomCase(rng, n);
            int models = 1 + rng.nextInt(5);
            double[][] p = new double[models][];
            double[][] g = new double[models][];
            for (int k = 0; k < models; k++) {
                p[k] = params(c, rng, n + k);
                g[k] = new double[p[k].length];
            }
            boolean[] active = new boolean[models];
            for (int k = 0; k < models; k++) {
                active[k] = k == 0 || rng.nextInt(4) > 0;
            }
            FusedMlp fused = new FusedMlp(c.widths(), c.activation(), c.maxBatch(), models);
            int count = Math.min(c.maxBatch(), c.rows());
            double[] loss = new double[models];
            int[] correct = new int[models];
            fused.forwardBackward(p, g, active, c.x(), c.labels(), c.order(), 0, count, loss, correct);
            double[] evalLoss = new double[models];
            int[] evalCorrect = new int[models];
            fused.evaluate(p, active, c.x(), c.labels(), c.rows(), evalLoss, evalCorrect);
            for (int k = 0; k < models; k++) {
                if (!active[k]) {
                    continue;
                }
                String what = "case " + n + " model " + k + " of " + models + " " + Arrays.toString(c.widths());
                ReferenceMlp reference = new ReferenceMlp(c.widths(), c.activation(), c.maxBatch());
                double[] expectedGrad = new double[p[k].length];
                assertBits(reference.forwardBackward(p[k], expectedGrad, c.x(), c.labels(), c.order(), 0, count), loss[k],
                        what + " loss");
                assertEquals(reference.lastCorrect(), correct[k], what + " correct");
                assertBits(expectedGrad, g[k], what + " gradient");
                assertBits(reference.evaluate(p[k], c.x(), c.labels(), c.rows()), evalLoss[k], what + " evaluation loss");
                assertEquals(reference.lastCorrect(), evalCorrect[k], what + " evaluation correct");
            }
        }
    }

    @Test
    void nonFiniteInputsPropagateAsInTheReference() {
        int[] widths = {2, 6, 3};
        double[] x = {1.0, 2.0, Double.POSITIVE_INFINITY, 0.5, -1.0, Double.NaN, 0.3, 0.3};
        int[] labels = {0, 1, 2, 1};
        int[] order = {0, 1, 2, 3};
        for (Activation activation : Activation.values()) {
            double[] p = Mlp.initialParameters(widths, activation, new SplitMix64(3));
            ReferenceMlp reference = new ReferenceMlp(widths, activation, 4);
            Mlp mlp = new Mlp(widths, activation, 4);
            double[] expectedGrad = new double[p.length];
            double[] grad = new double[p.length];
            assertBits(reference.forwardBackward(p, expectedGrad, x, labels, order, 0, 4),
                    mlp.forwardBackward(p, grad, x, labels, order, 0, 4), activation + " loss");
            assertBits(expectedGrad, grad, activation + " gradient");
            assertBits(reference.evaluate(p, x, labels, 4), mlp.evaluate(p, x, labels, 4), activation + " evaluation");
        }
    }
}
