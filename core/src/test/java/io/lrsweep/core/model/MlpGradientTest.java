package io.lrsweep.core.model;

import io.lrsweep.core.random.SplitMix64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analytic gradient against central finite differences of the batch's mean loss. */
class MlpGradientTest {

    private static final int ROWS = 7;
    private static final int[] WIDTHS = {3, 5, 4, 3};

    private static double meanLoss(Mlp mlp, double[] p, double[] x, int[] y, int[] order) {
        double[] scratch = new double[p.length];
        return mlp.forwardBackward(p, scratch, x, y, order, 0, ROWS) / ROWS;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradientMatchesFiniteDifferences(Activation activation) {
        SplitMix64 rng = new SplitMix64(42);
        Mlp mlp = new Mlp(WIDTHS, activation, ROWS);
        double[] p = mlp.initialParameters(rng);
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.1 * (rng.nextDouble() - 0.5); // non-zero biases too
        }
        double[] x = new double[ROWS * WIDTHS[0]];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2.0 * rng.nextDouble() - 1.0;
        }
        int[] y = {0, 1, 2, 1, 0, 2, 2};
        int[] order = {3, 1, 4, 0, 6, 5, 2};
        double[] grad = new double[p.length];
        mlp.forwardBackward(p, grad, x, y, order, 0, ROWS);

        double h = 1e-6;
        double worst = 0.0;
        for (int i = 0; i < p.length; i++) {
            double saved = p[i];
            p[i] = saved + h;
            double up = meanLoss(mlp, p, x, y, order);
            p[i] = saved - h;
            double down = meanLoss(mlp, p, x, y, order);
            p[i] = saved;
            double numeric = (up - down) / (2 * h);
            double err = Math.abs(numeric - grad[i]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(grad[i]));
            worst = Math.max(worst, err);
        }
        assertTrue(worst < 1e-6, activation + ": worst relative gradient error " + worst);
        assertTrue(norm(grad) > 1e-3, "the gradient is not trivially zero");
    }

    @Test
    void clippedSampleContributesNoGradient() {
        // One hidden unit; the output bias makes class 1 overwhelmingly likely, so p[0] < 1e-7.
        Mlp mlp = new Mlp(new int[]{1, 1, 2}, Activation.RELU, 1);
        // layout: W1 (1x1), b1 (1), W2 (1x2), b2 (2)
        double[] p = {0.5, 0.0, 0.1, -0.1, 0.0, 40.0};
        double[] grad = new double[p.length];
        double loss = mlp.forwardBackward(p, grad, new double[]{1.0}, new int[]{0}, new int[]{0}, 0, 1);
        assertEquals(-Math.log(Mlp.EPSILON), loss, 1e-12, "loss is capped at -log(1e-7)");
        for (double g : grad) {
            assertEquals(0.0, g, 0.0);
        }
        // the same sample labelled 1 is confidently right: p[1] > 1 - 1e-7, also clipped, also no gradient
        mlp.forwardBackward(p, grad, new double[]{1.0}, new int[]{1}, new int[]{0}, 0, 1);
        for (double g : grad) {
            assertEquals(0.0, g, 0.0);
        }
    }

    @Test
    void evaluateCountsCorrectAndAveragesAcrossChunks() {
        SplitMix64 rng = new SplitMix64(7);
        Mlp small = new Mlp(new int[]{2, 4, 3}, Activation.TANH, 3);
        Mlp large = new Mlp(new int[]{2, 4, 3}, Activation.TANH, 64);
        double[] p = small.initialParameters(rng);
        double[] x = new double[20];
        int[] y = new int[10];
        for (int i = 0; i < 10; i++) {
            x[2 * i] = rng.nextDouble();
            x[2 * i + 1] = rng.nextDouble();
            y[i] = i % 3;
        }
        double a = small.evaluate(p, x, y, 10);
        int correctA = small.lastCorrect();
        double b = large.evaluate(p, x, y, 10);
        assertEquals(b, a, 1e-12);
        assertEquals(large.lastCorrect(), correctA);
        assertTrue(correctA >= 0 && correctA <= 10);
    }

    @Test
    void initialisationUsesHeForReluAndGlorotForOutput() {
        Mlp mlp = new Mlp(new int[]{2, 50, 3}, Activation.RELU, 1);
        double[] p = mlp.initialParameters(new SplitMix64(1));
        double he = Math.sqrt(6.0 / 2);
        double glorot = Math.sqrt(6.0 / (50 + 3));
        double maxHidden = 0;
        for (int i = 0; i < 100; i++) {
            maxHidden = Math.max(maxHidden, Math.abs(p[i]));
        }
        assertTrue(maxHidden <= he && maxHidden > 0.8 * he, "hidden kernel within and filling he_uniform bounds: " + maxHidden);
        for (int i = 100; i < 150; i++) {
            assertEquals(0.0, p[i], 0.0, "hidden bias starts at 0");
        }
        double maxOut = 0;
        for (int i = 150; i < 300; i++) {
            maxOut = Math.max(maxOut, Math.abs(p[i]));
        }
        assertTrue(maxOut <= glorot && maxOut > 0.8 * glorot, "output kernel glorot_uniform: " + maxOut);
        for (int i = 300; i < 303; i++) {
            assertEquals(0.0, p[i], 0.0);
        }
        assertEquals(303, mlp.parameterCount());
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
