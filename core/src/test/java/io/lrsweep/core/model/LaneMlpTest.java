package io.lrsweep.core.model;

import io.lrsweep.core.random.SplitMix64;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LaneMlp, the models-as-lanes kernel, against {@link FusedMlp} running each model alone: the
 * same loss, correct count and gradient, bit for bit, for random shapes, activations, model
 * counts (every lane width and idle lanes), partial batches, inactive models, and values that
 * reach the clip, zero and NaN.
 */
class LaneMlpTest {

    @Test
    void theVectorModuleIsPresentInTheseTests() {
        // The surefire configuration adds jdk.incubator.vector; without it this class tests nothing.
        assertTrue(VectorSupport.available());
        assertInstanceOf(LaneMlp.class, MultiModelKernel.create(new int[] {2, 50, 3}, Activation.RELU, 32, 8));
        assertInstanceOf(FusedMlp.class, MultiModelKernel.create(new int[] {2, 8, 8, 3}, Activation.RELU, 32, 8));
    }

    @Test
    void theReferenceShapeMatchesEachModelAloneOverManySteps() {
        for (int models : new int[] {2, 3, 4, 5, 8, 9, 16}) {
            compare(new int[] {2, 50, 3}, Activation.RELU, 32, models, 30, 0.5, new Random(models), false);
        }
    }

    @Test
    void randomShapesActivationsAndBatchesMatch() {
        Random r = new Random(42);
        for (int round = 0; round < 60; round++) {
            int[] widths = {1 + r.nextInt(5), 1 + r.nextInt(70), 1 + r.nextInt(12)};
            Activation a = Activation.values()[r.nextInt(Activation.values().length)];
            int models = 2 + r.nextInt(15);
            int batch = 1 + r.nextInt(40);
            compare(widths, a, batch, models, 4, r.nextDouble() * 3, r, r.nextBoolean());
        }
    }

    @Test
    void hugeStepsThatSaturateOverflowAndPoisonMatch() {
        Random r = new Random(7);
        for (Activation a : Activation.values()) {
            // Learning rates up to 1e6: the clip cuts gradients, weights overflow to inf and NaN.
            compare(new int[] {2, 50, 3}, a, 32, 16, 12, 1e6, r, false);
            compare(new int[] {3, 9, 4}, a, 7, 6, 12, 1e3, r, true);
        }
    }

    /**
     * Steps {@code models} models (parameters from different seeds) with plain SGD at learning
     * rates up to {@code lrScale}, through LaneMlp and through a FusedMlp per model, asserting
     * every output equal bit for bit after each step; some models inactive if asked.
     */
    private static void compare(int[] widths, Activation activation, int batch, int models, int steps,
                                double lrScale, Random r, boolean someInactive) {
        int rows = batch * 3 + r.nextInt(batch + 1);
        int in = widths[0];
        int classes = widths[2];
        double[] x = new double[rows * in];
        int[] labels = new int[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian() * 2;
        }
        for (int i = 0; i < rows; i++) {
            labels[i] = r.nextInt(classes);
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = (i * 7 + 3) % rows == i ? i : i;
        }
        LaneMlp lanes = new LaneMlp(widths, activation, batch, models);
        FusedMlp alone = new FusedMlp(widths, activation, batch, 1);
        double[][] params = new double[models][];
        double[] lr = new double[models];
        for (int k = 0; k < models; k++) {
            params[k] = Mlp.initialParameters(widths, activation, SplitMix64.stream(r.nextLong(), "init"));
            lr[k] = lrScale * Math.pow(10, -3 * r.nextDouble());
        }
        boolean[] active = new boolean[models];
        double[][] grads = new double[models][params[0].length];
        double[] loss = new double[models];
        int[] correct = new int[models];
        double[][] g1 = new double[1][params[0].length];
        double[] l1 = new double[1];
        int[] c1 = new int[1];
        for (int step = 0; step < steps; step++) {
            for (int k = 0; k < models; k++) {
                active[k] = !someInactive || (k + step) % 3 != 0;
            }
            int start = (step * batch) % rows;
            int count = Math.min(batch, rows - start);
            lanes.forwardBackward(params, grads, active, x, labels, order, start, count, loss, correct);
            for (int k = 0; k < models; k++) {
                if (!active[k]) {
                    continue;
                }
                alone.forwardBackward(new double[][] {params[k]}, g1, null, x, labels, order, start, count, l1, c1);
                String where = "step " + step + ", model " + k + " of " + models + ", " + activation + " "
                        + java.util.Arrays.toString(widths) + ", batch " + count;
                assertEquals(Double.doubleToRawLongBits(l1[0]), Double.doubleToRawLongBits(loss[k]), "loss, " + where);
                assertEquals(c1[0], correct[k], "correct, " + where);
                assertArrayEquals(bits(g1[0]), bits(grads[k]), "gradient, " + where);
            }
            lanes.evaluate(params, active, x, labels, rows, loss, correct);
            for (int k = 0; k < models; k++) {
                if (!active[k]) {
                    continue;
                }
                alone.evaluate(new double[][] {params[k]}, null, x, labels, rows, l1, c1);
                assertEquals(Double.doubleToRawLongBits(l1[0]), Double.doubleToRawLongBits(loss[k]),
                        "validation loss, step " + step + ", model " + k);
                assertEquals(c1[0], correct[k], "validation correct, step " + step + ", model " + k);
            }
            for (int k = 0; k < models; k++) {
                if (active[k]) {
                    for (int j = 0; j < params[k].length; j++) {
                        params[k][j] -= lr[k] * grads[k][j];
                    }
                }
            }
        }
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }
}
