package io.lrsweep.core.model;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.random.SplitMix64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analytic gradient of the batch's mean loss against central finite differences, on
 * multi-layer shapes (including a hidden layer wide enough to be stored by output), every
 * activation, both losses, both kernels.
 */
class KernelGradientTest {
    private static final int ROWS = 7;

    static List<Object[]> cases() {
        List<Object[]> out = new ArrayList<>();
        for (int[] widths : new int[][]{{3, 5, 4, 3}, {3, 130, 4, 3}, {2, 9, 1, 12, 2}}) {
            for (Activation f : Activation.values()) {
                for (LossFunction loss : LossFunction.values()) {
                    out.add(new Object[]{widths, f, loss, false});
                    if (VectorSupport.available()) {
                        out.add(new Object[]{widths, f, loss, true});
                    }
                }
            }
        }
        return out;
    }

    private static Dataset rows(int inputs, int classes, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] x = new double[ROWS * inputs];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2.0 * rng.nextDouble() - 1.0;
        }
        int[] y = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            y[i] = i % classes;
        }
        return new Dataset(x, y, ROWS, inputs, classes);
    }

    /** The real (unpadded) parameters' positions in the layout. */
    private static List<Integer> realParameters(Network net) {
        List<Integer> at = new ArrayList<>();
        for (int l = 0; l < net.layers(); l++) {
            for (int i = 0; i < net.width(l); i++) {
                for (int o = 0; o < net.width(l + 1); o++) {
                    at.add(net.weightIndex(l, i, o));
                }
            }
            for (int o = 0; o < net.width(l + 1); o++) {
                at.add(net.biasOffset(l) + o);
            }
        }
        return at;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(int[] widths, Activation f, LossFunction loss, boolean vector) {
        Network net = new Network(widths, f);
        Kernel kernel = new Kernel(net, ROWS, vector);
        SplitMix64 rng = new SplitMix64(42);
        double[] p = new double[net.parameterCount()];
        net.initialize(rng, p, 0);
        List<Integer> real = realParameters(net);
        for (int at : real) {
            p[at] += 0.1 * (rng.nextDouble() - 0.5); // non-zero biases too
        }
        Dataset data = rows(widths[0], widths[widths.length - 1], 7);
        int[] order = {3, 1, 4, 0, 6, 5, 2};
        double[] grad = new double[p.length];
        kernel.loadBatch(data, order, 0, ROWS);
        kernel.trainStep(loss, p, grad);
        assertEquals(ROWS, kernel.passingRows(), "no row is clipped here");

        double h = 1e-6;
        double worst = 0.0;
        double[] scratch = new double[p.length];
        for (int at : real) {
            double saved = p[at];
            p[at] = saved + h;
            kernel.trainStep(loss, p, scratch);
            double up = kernel.lossSum() / ROWS;
            p[at] = saved - h;
            kernel.trainStep(loss, p, scratch);
            double down = kernel.lossSum() / ROWS;
            p[at] = saved;
            double numeric = (up - down) / (2 * h);
            double err = Math.abs(numeric - grad[at]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(grad[at]));
            worst = Math.max(worst, err);
        }
        assertTrue(worst < 1e-6, f + " " + loss + ": worst relative gradient error " + worst);
        double norm = 0.0;
        for (int at : real) {
            norm += grad[at] * grad[at];
        }
        assertTrue(norm > 1e-6, "the gradient is not trivially zero");
        boolean[] isReal = new boolean[p.length];
        real.forEach(at -> isReal[at] = true);
        for (int k = 0; k < p.length; k++) {
            if (!isReal[k]) {
                assertEquals(0L, Double.doubleToRawLongBits(grad[k]), "padding's gradient is +0 at " + k);
            }
        }
    }

    @Test
    void aClippedRowPassesNoGradient() {
        // One hidden unit; the output bias makes class 1 overwhelmingly likely, so p[0] < 1e-7.
        Network net = new Network(new int[]{1, 1, 2}, Activation.RELU);
        for (boolean vector : VectorSupport.available() ? new boolean[]{false, true} : new boolean[]{false}) {
            Kernel kernel = new Kernel(net, 1, vector);
            double[] p = new double[net.parameterCount()];
            p[net.weightIndex(0, 0, 0)] = 1.0;
            p[net.weightIndex(1, 0, 0)] = 0.5;
            p[net.biasOffset(1) + 1] = 40.0;
            double[] g = new double[p.length];
            kernel.loadRows(new Dataset(new double[]{0.3}, new int[]{0}, 1, 1, 2), 0, 1);
            kernel.trainStep(LossFunction.KERAS_CLIPPED, p, g);
            assertEquals(-Math.log(1e-7), kernel.lossSum(), 1e-9, "the loss is the clip's");
            assertEquals(0, kernel.passingRows());
            for (double v : g) {
                assertEquals(0.0, v, 0.0);
            }
            kernel.trainStep(LossFunction.LOG_SOFTMAX, p, g);
            assertEquals(1, kernel.passingRows(), "the logits' loss passes it");
            assertTrue(g[net.biasOffset(1)] < 0.0);
        }
    }
}
