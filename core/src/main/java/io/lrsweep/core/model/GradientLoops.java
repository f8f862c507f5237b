package io.lrsweep.core.model;

/**
 * The backward pass's loops: kernel and bias gradients and the delta one layer down, on the same
 * batch-major rows, in the same fixed order and the same loop shapes as {@link DenseLoops}
 * (whose notes on what Java 17's C2 vectorises apply here too).
 */
final class GradientLoops {
    private GradientLoops() {}

    /**
     * Kernel gradient by input row, {@code g[i][o] = 0 + sum_b a[b][ao + i] d[b][do + o]},
     * vectorised along o, four batch rows per pass (fewer stores of g per row added).
     */
    static void kernelGradByInput(double[][] a, int ao, int in, double[][] d, int dOff, int out, int count,
                                  double[][] g) {
        for (int i = 0; i < in; i++) {
            double[] gi = g[i];
            java.util.Arrays.fill(gi, 0, out, 0.0);
            int b = 0;
            for (; b + 3 < count; b += 4) {
                addRows(gi, out, a[b][ao + i], d[b], a[b + 1][ao + i], d[b + 1], a[b + 2][ao + i], d[b + 2],
                        a[b + 3][ao + i], d[b + 3], dOff);
            }
            for (; b < count; b++) {
                addRow(gi, out, a[b][ao + i], d[b], dOff);
            }
        }
    }

    /**
     * The same gradient by output row, {@code gT[o][i]}, vectorised along i: for layers with
     * fewer outputs than inputs.
     */
    static void kernelGradByOutput(double[][] a, int ao, int in, double[][] d, int dOff, int out, int count,
                                   double[][] gT) {
        for (int o = 0; o < out; o++) {
            double[] go = gT[o];
            java.util.Arrays.fill(go, 0, in, 0.0);
            int c = dOff + o;
            int b = 0;
            for (; b + 3 < count; b += 4) {
                addRows(go, in, d[b][c], a[b], d[b + 1][c], a[b + 1], d[b + 2][c], a[b + 2], d[b + 3][c], a[b + 3], ao);
            }
            for (; b < count; b++) {
                addRow(go, in, d[b][c], a[b], ao);
            }
        }
    }

    /** {@code g[j] = g[j] + s0 r0[off + j] + s1 r1[off + j] + s2 r2[off + j] + s3 r3[off + j]}. */
    private static void addRows(double[] g, int n, double s0, double[] r0, double s1, double[] r1,
                                double s2, double[] r2, double s3, double[] r3, int off) {
        for (int j = 0; j < n; j++) {
            g[j] = g[j] + s0 * r0[off + j] + s1 * r1[off + j] + s2 * r2[off + j] + s3 * r3[off + j];
        }
    }

    /** {@code g[j] = g[j] + s r[off + j]}. */
    private static void addRow(double[] g, int n, double s, double[] r, int off) {
        for (int j = 0; j < n; j++) {
            g[j] = g[j] + s * r[off + j];
        }
    }

    /**
     * {@code g[o] = 0 + sum_b d[b][do + o]}, two batch rows per pass. A narrow layer takes a
     * loop of its own: C2 plans a loop from its profiled trip count, and the classes' 3 would
     * otherwise keep the hidden layer's loop from being vectorised.
     */
    static void biasGrad(double[][] d, int dOff, int out, int count, double[] g) {
        if (out < Mlp.WIDE_OUTPUT) {
            biasGradNarrow(d, dOff, out, count, g);
        } else {
            biasGradWide(d, dOff, out, count, g);
        }
    }

    private static void biasGradNarrow(double[][] d, int dOff, int out, int count, double[] g) {
        for (int o = 0; o < out; o++) {
            double s = 0.0;
            for (int b = 0; b < count; b++) {
                s += d[b][dOff + o];
            }
            g[o] = s;
        }
    }

    private static void biasGradWide(double[][] d, int dOff, int out, int count, double[] g) {
        java.util.Arrays.fill(g, 0, out, 0.0);
        int b = 0;
        for (; b + 3 < count; b += 4) {
            addRows(g, out, 1.0, d[b], 1.0, d[b + 1], 1.0, d[b + 2], 1.0, d[b + 3], dOff);
        }
        for (; b < count; b++) {
            addRow(g, out, 1.0, d[b], dOff);
        }
    }

    /**
     * The delta one layer down, {@code e[b][eo + i] = (sum_o W[i][o] d[b][do + o]) * f'(y[b][eo + i])}
     * (y, the layer's input activation, sits where e does), from the kernel by output row
     * ({@code wT[o][i]}), vectorised along i.
     *
     * <p>Keras's graph starts that sum from 0, which is left out here: {@code 0 + x} differs from
     * {@code x} only for x = -0, and a delta's sign of zero never reaches a gradient (each
     * gradient is a sum that starts from +0, and +0 + -0 = +0).
     */
    static void deltaBack(double[][] d, int dOff, int out, double[][] wT, int in, double[][] y,
                          Activation activation, double[][] e, int eo, int count) {
        if (out == 3 && activation == Activation.RELU) {
            deltaBackThreeRelu(d, dOff, wT[0], wT[1], wT[2], in, y, e, eo, count);
        } else {
            deltaBackGeneric(d, dOff, out, wT, in, y, activation, e, eo, count);
        }
    }

    private static void deltaBackGeneric(double[][] d, int dOff, int out, double[][] wT, int in, double[][] y,
                                         Activation activation, double[][] e, int eo, int count) {
        double[] w0 = wT[0];
        for (int b = 0; b < count; b++) {
            double[] eb = e[b];
            double[] db = d[b];
            double[] yb = y[b];
            double d0 = db[dOff];
            if (out == 1) {
                for (int i = 0; i < in; i++) {
                    eb[eo + i] = w0[i] * d0;
                }
            } else {
                double[] w1 = wT[1];
                double d1 = db[dOff + 1];
                for (int i = 0; i < in; i++) {
                    eb[eo + i] = w0[i] * d0 + w1[i] * d1;
                }
            }
            int o = Math.min(out, 2);
            for (; o + 1 < out; o += 2) {
                double[] wp = wT[o];
                double[] wq = wT[o + 1];
                double dp = db[dOff + o];
                double dq = db[dOff + o + 1];
                for (int i = 0; i < in; i++) {
                    eb[eo + i] = eb[eo + i] + wp[i] * dp + wq[i] * dq;
                }
            }
            if (o < out) {
                double[] wp = wT[o];
                double dp = db[dOff + o];
                for (int i = 0; i < in; i++) {
                    eb[eo + i] = eb[eo + i] + wp[i] * dp;
                }
            }
            applyDerivative(activation, yb, eb, eo, in);
        }
    }

    /** The reference model's whole delta (3 outputs, relu) in one pass. */
    private static void deltaBackThreeRelu(double[][] d, int dOff, double[] w0, double[] w1, double[] w2, int in,
                                           double[][] y, double[][] e, int eo, int count) {
        for (int b = 0; b < count; b++) {
            double[] eb = e[b];
            double[] db = d[b];
            double[] yb = y[b];
            double d0 = db[dOff];
            double d1 = db[dOff + 1];
            double d2 = db[dOff + 2];
            for (int i = 0; i < in; i++) {
                eb[eo + i] = (w0[i] * d0 + w1[i] * d1 + w2[i] * d2) * reluDerivative(yb[eo + i]);
            }
        }
    }

    /**
     * Relu's derivative, 1 or 0, from its output y (+0 or positive; NaN stays NaN) without a
     * branch the JIT cannot vectorise: {@code ceil(min(y, 1))} is 1 for every positive y,
     * subnormals included, and +0 for +0. (A multiply by 2^1074 instead would overflow to
     * infinity for most y, which this CPU makes slow.)
     */
    static double reluDerivative(double y) {
        return Math.ceil(Math.min(y, 1.0));
    }

    /** {@code e[j] *= f'(y[j])} over {@code [from, from + n)}, the derivative expressed through the output y. */
    static void applyDerivative(Activation activation, double[] y, double[] e, int from, int n) {
        switch (activation) {
            case RELU -> {
                for (int j = from; j < from + n; j++) {
                    e[j] = e[j] * reluDerivative(y[j]);
                }
            }
            case TANH -> {
                for (int j = from; j < from + n; j++) {
                    e[j] = e[j] * (1.0 - y[j] * y[j]);
                }
            }
            case SIGMOID -> {
                for (int j = from; j < from + n; j++) {
                    e[j] = e[j] * (y[j] * (1.0 - y[j]));
                }
            }
        }
    }
}
