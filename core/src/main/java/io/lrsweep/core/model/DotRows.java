package io.lrsweep.core.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The feature sum along the summed axis itself: {@code z(b, o) = tree(x(b, .) . w(o, .)) + bias[o]},
 * the dot product of a row of {@code x} with a row of {@code w}, both contiguous and padded to a
 * multiple of 8. The lanes of each chunk of 8 (1 or 2 vectors: AVX-512 or AVX2) are the 8
 * partials; they are stored and added up in {@link Ops#tree}'s order at the end. Several sums run
 * side by side so that each loaded vector serves more than one: with one vector per chunk
 * (AVX-512) two rows of {@code x} against four rows of {@code w} (8 sums), otherwise four rows of
 * {@code w} against one row of {@code x}. (With 2-lane vectors the engine runs plain Java, see VectorSupport; the
 * 4-vector chunks are still handled, one row at a time, for when it is forced to vectors.)
 */
final class DotRows {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int Q = Network.PAD / L;

    private final double[] lanes = new double[8 * Network.PAD];

    /**
     * For b < count and o < out: {@code z[b * zr + o * zc] = tree(x[b * xs ..] . w[wOff + o * ws ..]) + bias[bOff + o]}
     * over {@code n} (a multiple of 8) columns.
     */
    void apply(double[] x, int xs, int n, double[] w, int wOff, int ws, double[] bias, int bOff, int out,
               double[] z, int zr, int zc, int count) {
        int b = 0;
        if (Q == 1) {
            // One vector per chunk: two rows of x against four rows of w, 8 sums side by side.
            for (; b + 1 < count; b += 2) {
                int xr = b * xs;
                for (int o = 0; o < out; o += 4) {
                    twoByFour(x, xr, xs, n, w, wOff + o * ws, ws);
                    for (int j = 0; j < 4 && o + j < out; j++) {
                        z[b * zr + (o + j) * zc] = tree(j) + bias[bOff + o + j];
                        z[(b + 1) * zr + (o + j) * zc] = tree(4 + j) + bias[bOff + o + j];
                    }
                }
            }
        }
        for (; b < count; b++) {
            int xr = b * xs;
            // Rows of w in fours: w has rows up to out rounded up to 8 (the padded ones +0), so the
            // last four may run into padding, whose sums are not stored.
            if (Q >= 4) {
                for (int o = 0; o < out; o++) {
                    one(x, xr, n, w, wOff + o * ws);
                    z[b * zr + o * zc] = tree(0) + bias[bOff + o];
                }
                continue;
            }
            for (int o = 0; o < out; o += 4) {
                four(x, xr, n, w, wOff + o * ws, ws);
                for (int j = 0; j < 4 && o + j < out; j++) {
                    z[b * zr + (o + j) * zc] = tree(j) + bias[bOff + o + j];
                }
            }
        }
    }

    private double tree(int j) {
        double[] t = lanes;
        int s = j * Network.PAD;
        return Ops.tree(t[s], t[s + 1], t[s + 2], t[s + 3], t[s + 4], t[s + 5], t[s + 6], t[s + 7]);
    }

    /** With one vector per chunk: rows xr and xr + xs of x against four rows of w; partials into lanes[0..64). */
    private void twoByFour(double[] x, int xr, int xs, int n, double[] w, int w0, int ws) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector a0 = zero, b0 = zero, c0 = zero, d0 = zero;
        DoubleVector a1 = zero, b1 = zero, c1 = zero, d1 = zero;
        int w1 = w0 + ws;
        int w2 = w1 + ws;
        int w3 = w2 + ws;
        int xt = xr + xs;
        for (int i = 0; i < n; i += Network.PAD) {
            DoubleVector xv = DoubleVector.fromArray(S, x, xr + i);
            DoubleVector xu = DoubleVector.fromArray(S, x, xt + i);
            DoubleVector wv = DoubleVector.fromArray(S, w, w0 + i);
            a0 = a0.add(xv.mul(wv));
            a1 = a1.add(xu.mul(wv));
            wv = DoubleVector.fromArray(S, w, w1 + i);
            b0 = b0.add(xv.mul(wv));
            b1 = b1.add(xu.mul(wv));
            wv = DoubleVector.fromArray(S, w, w2 + i);
            c0 = c0.add(xv.mul(wv));
            c1 = c1.add(xu.mul(wv));
            wv = DoubleVector.fromArray(S, w, w3 + i);
            d0 = d0.add(xv.mul(wv));
            d1 = d1.add(xu.mul(wv));
        }
        a0.intoArray(lanes, 0);
        b0.intoArray(lanes, Network.PAD);
        c0.intoArray(lanes, 2 * Network.PAD);
        d0.intoArray(lanes, 3 * Network.PAD);
        a1.intoArray(lanes, 4 * Network.PAD);
        b1.intoArray(lanes, 5 * Network.PAD);
        c1.intoArray(lanes, 6 * Network.PAD);
        d1.intoArray(lanes, 7 * Network.PAD);
    }

    /** Four dot products' partials into lanes[0..32). */
    private void four(double[] x, int xr, int n, double[] w, int w0, int ws) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector a0 = zero, b0 = zero, c0 = zero, d0 = zero;
        DoubleVector a1 = zero, b1 = zero, c1 = zero, d1 = zero;
        for (int i = 0; i < n; i += Network.PAD) {
            DoubleVector xv = DoubleVector.fromArray(S, x, xr + i);
            a0 = a0.add(xv.mul(DoubleVector.fromArray(S, w, w0 + i)));
            b0 = b0.add(xv.mul(DoubleVector.fromArray(S, w, w0 + ws + i)));
            c0 = c0.add(xv.mul(DoubleVector.fromArray(S, w, w0 + 2 * ws + i)));
            d0 = d0.add(xv.mul(DoubleVector.fromArray(S, w, w0 + 3 * ws + i)));
            if (Q >= 2) {
                DoubleVector xu = DoubleVector.fromArray(S, x, xr + i + L);
                a1 = a1.add(xu.mul(DoubleVector.fromArray(S, w, w0 + i + L)));
                b1 = b1.add(xu.mul(DoubleVector.fromArray(S, w, w0 + ws + i + L)));
                c1 = c1.add(xu.mul(DoubleVector.fromArray(S, w, w0 + 2 * ws + i + L)));
                d1 = d1.add(xu.mul(DoubleVector.fromArray(S, w, w0 + 3 * ws + i + L)));
            }
        }
        a0.intoArray(lanes, 0);
        b0.intoArray(lanes, Network.PAD);
        c0.intoArray(lanes, 2 * Network.PAD);
        d0.intoArray(lanes, 3 * Network.PAD);
        if (Q >= 2) {
            a1.intoArray(lanes, L);
            b1.intoArray(lanes, Network.PAD + L);
            c1.intoArray(lanes, 2 * Network.PAD + L);
            d1.intoArray(lanes, 3 * Network.PAD + L);
        }
    }

    /** One dot product's partials into lanes[0..8), for any vector width. */
    private void one(double[] x, int xr, int n, double[] w, int w0) {
        partials(x, xr, w, w0, n, lanes, 0);
    }

    /**
     * The 8 partials of {@code sum_k x[xo + k] * w[wo + k]} over k < n (a multiple of 8), lane j
     * holding the terms k = j mod 8, stored into {@code out[at .. at + 8)}; the caller adds them up
     * with {@link Ops#tree}. Shared by the output layers' dots and VectorOps' input-side deltas.
     */
    static void partials(double[] x, int xo, double[] w, int wo, int n, double[] out, int at) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector v0 = zero, v1 = zero, v2 = zero, v3 = zero;
        for (int k = 0; k < n; k += Network.PAD) {
            v0 = v0.add(DoubleVector.fromArray(S, x, xo + k).mul(DoubleVector.fromArray(S, w, wo + k)));
            if (Q >= 2) {
                v1 = v1.add(DoubleVector.fromArray(S, x, xo + k + L).mul(DoubleVector.fromArray(S, w, wo + k + L)));
            }
            if (Q >= 4) {
                v2 = v2.add(DoubleVector.fromArray(S, x, xo + k + 2 * L).mul(DoubleVector.fromArray(S, w, wo + k + 2 * L)));
                v3 = v3.add(DoubleVector.fromArray(S, x, xo + k + 3 * L).mul(DoubleVector.fromArray(S, w, wo + k + 3 * L)));
            }
        }
        v0.intoArray(out, at);
        if (Q >= 2) {
            v1.intoArray(out, at + L);
        }
        if (Q >= 4) {
            v2.intoArray(out, at + 2 * L);
            v3.intoArray(out, at + 3 * L);
        }
    }
}
