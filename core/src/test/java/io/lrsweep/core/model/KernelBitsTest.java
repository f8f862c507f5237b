package io.lrsweep.core.model;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.random.SplitMix64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Vector API kernel computes every value with the very bits of the plain-Java definition:
 * random shapes and depths (both storage orientations), batch sizes that fill and do not fill
 * vectors, every activation, both losses, ordinary, huge and non-finite parameters. Compared bit
 * for bit (any NaN equals any NaN: Java does not fix NaN payloads).
 */
class KernelBitsTest {

    @BeforeAll
    static void needsTheVectorApi() {
        assertEquals(true, VectorSupport.available(), "core's tests run with --add-modules jdk.incubator.vector (see core/pom.xml)");
    }

    private static void assertSameBits(double[] expected, double[] actual, int n, String what) {
        for (int k = 0; k < n; k++) {
            if (Double.doubleToLongBits(expected[k]) != Double.doubleToLongBits(actual[k])) {
                assertEquals(expected[k], actual[k], what + " [" + k + "]: " + expected[k] + " vs " + actual[k]);
                assertEquals(Double.doubleToRawLongBits(expected[k]), Double.doubleToRawLongBits(actual[k]), what + " [" + k + "]");
            }
        }
    }

    @Test
    void vectorKernelMatchesThePlainDefinitionOnRandomCases() {
        SplitMix64 rng = new SplitMix64(2026);
        for (int c = 0; c < 400; c++) {
            int depth = 1 + rng.nextInt(3);
            int[] widths = new int[depth + 2];
            widths[0] = 1 + rng.nextInt(c % 5 == 0 ? 200 : 40);
            for (int l = 1; l <= depth; l++) {
                widths[l] = 1 + rng.nextInt(c % 7 == 0 ? 150 : 40);
            }
            widths[depth + 1] = 2 + rng.nextInt(11);
            Activation f = Activation.values()[rng.nextInt(3)];
            LossFunction loss = LossFunction.values()[rng.nextInt(2)];
            int rows = 1 + rng.nextInt(70);
            Network net = new Network(widths, f);
            double scale = switch (c % 10) {
                case 0 -> 1e150;
                case 1 -> 30.0;
                default -> 1.0;
            };
            double[] p = new double[net.parameterCount()];
            net.initialize(rng, p, 0);
            for (int k = 0; k < p.length; k++) {
                p[k] *= scale;
            }
            if (c % 25 == 3) {
                p[net.weightIndex(0, 0, 0)] = Double.NaN;
            }
            double[] x = new double[rows * widths[0]];
            for (int k = 0; k < x.length; k++) {
                x[k] = 4.0 * rng.nextDouble() - 2.0;
            }
            if (c % 25 == 7) {
                x[0] = Double.POSITIVE_INFINITY;
            }
            int[] y = new int[rows];
            for (int k = 0; k < rows; k++) {
                y[k] = rng.nextInt(widths[depth + 1]);
            }
            Dataset data = new Dataset(x, y, rows, widths[0], widths[depth + 1]);
            int[] order = new int[rows];
            for (int k = 0; k < rows; k++) {
                order[k] = k;
            }
            rng.shuffle(order);
            Kernel plain = new Kernel(net, rows, false);
            Kernel vector = new Kernel(net, rows, true);
            double[] gp = new double[p.length];
            double[] gv = new double[p.length];
            plain.loadBatch(data, order, 0, rows);
            vector.loadBatch(data, order, 0, rows);
            plain.trainStep(loss, p, gp);
            vector.trainStep(loss, p, gv);
            String what = "case " + c + " " + java.util.Arrays.toString(widths) + " " + f + " " + loss + " rows " + rows;
            assertSameBits(gp, gv, p.length, what + " gradient");
            assertSameBits(new double[]{plain.lossSum()}, new double[]{vector.lossSum()}, 1, what + " loss");
            assertEquals(plain.correct(), vector.correct(), what + " correct");
            assertEquals(plain.passingRows(), vector.passingRows(), what + " passing rows");
            assertSameBits(new double[]{plain.norm(gp)}, new double[]{vector.norm(gv)}, 1, what + " norm");
            plain.evaluate(loss, p);
            vector.evaluate(loss, p);
            assertSameBits(new double[]{plain.lossSum()}, new double[]{vector.lossSum()}, 1, what + " evaluation loss");
            assertEquals(plain.correct(), vector.correct(), what + " evaluation correct");
        }
    }
}
