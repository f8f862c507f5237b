package io.lrsweep.core.model;

/**
 * The dense layers' loops on batch-major activations, one array per batch row; a model's units
 * start at an offset in that row ({@link FusedMlp} keeps several models side by side).
 *
 * <p>Every value is computed in one fixed order, the order a trial's bits are defined by: a
 * pre-activation is {@code bias + a_0 w_0 + a_1 w_1 + ...} added left to right; a weight or bias
 * gradient is {@code 0 + t_0 + t_1 + ...} over the batch rows in order; a back-propagated delta
 * is {@code (W_i0 d_0 + W_i1 d_1 + ...) * f'(y)}. Unrolling never regroups a sum: in Java
 * {@code z + p + q} is {@code (z + p) + q}.
 *
 * <p>Speed comes from the loop shapes, chosen for what Java 17's C2 compiler turns into vector
 * instructions: an innermost loop along a contiguous axis, with no reduction in it, indexing
 * each array by the loop variable plus a fixed offset (a multiple of 4 doubles, see
 * {@link FusedMlp#padded}, so that every model's slice is aligned alike), alone in a small
 * method; C2 leaves other loops scalar. Where a reduction is unavoidable (a narrow output summed
 * along its inputs) four independent sums run in registers at once.
 */
final class DenseLoops {
    private DenseLoops() {}

    /**
     * {@code z[b][zo + o] = bias[o] + sum_i a[b][ao + i] w[i][o]}, vectorised along o, two inputs
     * per pass; with {@code relu} the last pass also applies {@code max(z, 0)}. For layers whose
     * output is wide enough to fill vector registers.
     */
    static void affineWide(double[][] a, int ao, int in, double[][] w, double[] bias,
                           double[][] z, int zo, int out, int count, boolean relu) {
        if (in == 2 && relu) {
            affineTwoInputsRelu(a, ao, w[0], w[1], bias, z, zo, out, count);
        } else {
            affineWideGeneric(a, ao, in, w, bias, z, zo, out, count, relu);
        }
    }

    private static void affineWideGeneric(double[][] a, int ao, int in, double[][] w, double[] bias,
                                          double[][] z, int zo, int out, int count, boolean relu) {
        double[] w0 = w[0];
        for (int b = 0; b < count; b++) {
            double[] ab = a[b];
            double[] zb = z[b];
            double a0 = ab[ao];
            if (in == 1) {
                for (int o = 0; o < out; o++) {
                    zb[zo + o] = bias[o] + a0 * w0[o];
                }
            } else {
                double[] w1 = w[1];
                double a1 = ab[ao + 1];
                for (int o = 0; o < out; o++) {
                    zb[zo + o] = bias[o] + a0 * w0[o] + a1 * w1[o];
                }
            }
            int i = Math.min(in, 2);
            for (; i + 1 < in; i += 2) {
                double[] wi = w[i];
                double[] wj = w[i + 1];
                double ai = ab[ao + i];
                double aj = ab[ao + i + 1];
                for (int o = 0; o < out; o++) {
                    zb[zo + o] = zb[zo + o] + ai * wi[o] + aj * wj[o];
                }
            }
            if (i < in) {
                double[] wi = w[i];
                double ai = ab[ao + i];
                for (int o = 0; o < out; o++) {
                    zb[zo + o] = zb[zo + o] + ai * wi[o];
                }
            }
            if (relu) {
                for (int o = 0; o < out; o++) {
                    zb[zo + o] = Math.max(zb[zo + o], 0.0);
                }
            }
        }
    }

    /**
     * The reference model's first layer (2 inputs, relu) in one pass. Each hot loop nest lives in
     * a small method of its own, reached through a small dispatcher: C2 was seen to leave a loop
     * scalar when its method also held other loop nests, even ones that never ran.
     */
    private static void affineTwoInputsRelu(double[][] a, int ao, double[] w0, double[] w1, double[] bias,
                                            double[][] z, int zo, int out, int count) {
        for (int b = 0; b < count; b++) {
            double[] ab = a[b];
            double[] zb = z[b];
            double a0 = ab[ao];
            double a1 = ab[ao + 1];
            for (int o = 0; o < out; o++) {
                zb[zo + o] = Math.max(bias[o] + a0 * w0[o] + a1 * w1[o], 0.0);
            }
        }
    }

    /**
     * The same values as {@link #affineWide} for a narrow output (the classes), from the kernel
     * by output row ({@code wT[o][i]}). Each value is a chain of dependent adds along i, so four
     * rows are summed at once, four chains in registers; C2 unrolls these loops, and more chains
     * than four spill registers and run slower.
     */
    static void affineNarrow(double[][] a, int ao, int in, double[][] wT, double[] bias,
                             double[][] z, int zo, int out, int count) {
        int b = 0;
        for (; b + 3 < count; b += 4) {
            double[] a0 = a[b];
            double[] a1 = a[b + 1];
            double[] a2 = a[b + 2];
            double[] a3 = a[b + 3];
            for (int o = 0; o < out; o++) {
                double[] w = wT[o];
                double s0 = bias[o];
                double s1 = s0;
                double s2 = s0;
                double s3 = s0;
                for (int i = 0; i < in; i++) {
                    double wi = w[i];
                    s0 += a0[ao + i] * wi;
                    s1 += a1[ao + i] * wi;
                    s2 += a2[ao + i] * wi;
                    s3 += a3[ao + i] * wi;
                }
                z[b][zo + o] = s0;
                z[b + 1][zo + o] = s1;
                z[b + 2][zo + o] = s2;
                z[b + 3][zo + o] = s3;
            }
        }
        for (; b < count; b++) {
            double[] ab = a[b];
            for (int o = 0; o < out; o++) {
                double[] w = wT[o];
                double s = bias[o];
                for (int i = 0; i < in; i++) {
                    s += ab[ao + i] * w[i];
                }
                z[b][zo + o] = s;
            }
        }
    }

    /** The hidden activation, in place on {@code z[b][zo .. zo + width)} of the first {@code count} rows. */
    static void activate(Activation activation, double[][] z, int zo, int width, int count) {
        for (int b = 0; b < count; b++) {
            double[] zb = z[b];
            switch (activation) {
                // max(z, 0): vectorised by C2, unlike a branch; a NaN stays NaN, as in TensorFlow.
                case RELU -> {
                    for (int j = zo; j < zo + width; j++) {
                        zb[j] = Math.max(zb[j], 0.0);
                    }
                }
                case TANH -> {
                    for (int j = zo; j < zo + width; j++) {
                        zb[j] = StrictMath.tanh(zb[j]);
                    }
                }
                case SIGMOID -> {
                    for (int j = zo; j < zo + width; j++) {
                        zb[j] = 1.0 / (1.0 + Fdlibm.exp(-zb[j]));
                    }
                }
            }
        }
    }
}
