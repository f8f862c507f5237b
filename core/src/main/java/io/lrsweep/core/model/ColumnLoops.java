package io.lrsweep.core.model;

/**
 * {@link ColumnEval}'s loops over a chunk's rows, one loop per method (C2 vectorises such a loop
 * reliably only in a method of its own, see {@link DenseLoops}). {@code a*} are a unit's values
 * over the rows, {@code w*} the kernel weights from those units to the output being summed.
 */
final class ColumnLoops {
    private ColumnLoops() {}

    static void first1(double[] z, double bias, double w0, double[] a0, int n) {
        for (int c = 0; c < n; c++) {
            z[c] = bias + a0[c] * w0;
        }
    }

    static void first2(double[] z, double bias, double w0, double[] a0, double w1, double[] a1, int n) {
        for (int c = 0; c < n; c++) {
            z[c] = bias + a0[c] * w0 + a1[c] * w1;
        }
    }

    static void only2Relu(double[] z, double bias, double w0, double[] a0, double w1, double[] a1, int n) {
        for (int c = 0; c < n; c++) {
            z[c] = Math.max(bias + a0[c] * w0 + a1[c] * w1, 0.0);
        }
    }

    static void add2(double[] z, double wi, double[] ai, double wj, double[] aj, int n) {
        for (int c = 0; c < n; c++) {
            z[c] = z[c] + ai[c] * wi + aj[c] * wj;
        }
    }

    static void add1(double[] z, double wi, double[] ai, int n) {
        for (int c = 0; c < n; c++) {
            z[c] = z[c] + ai[c] * wi;
        }
    }

    static void relu(double[] z, int n) {
        for (int c = 0; c < n; c++) {
            z[c] = Math.max(z[c], 0.0);
        }
    }
}
