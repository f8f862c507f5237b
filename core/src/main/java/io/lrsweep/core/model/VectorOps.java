package io.lrsweep.core.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PlainOps}'s arithmetic on Java 17's Vector API, at the JVM's preferred width (8 doubles
 * on AVX-512, 4 on AVX2, 2 on SSE): every value is computed by the same operations in the same
 * order as there, several independent values per instruction, so the bits do not depend on the
 * width. Two ways keep a feature sum's 8 partials exact: along an independent axis, 8 vector
 * accumulators (partial j takes the terms whose index is j mod 8); along the summed axis itself,
 * the lanes of a chunk of 8 (as 1, 2 or 4 vectors) are the 8 partials, added up by
 * {@link Ops#tree} at the end. Every width is padded to a multiple of 8, so no loop has a tail.
 *
 * <p>What Java 17's C2 needs to keep vectors in registers: every vector in a local variable (an
 * array of vectors is allocated); no vector passed to or returned from a method that might not be
 * inlined (the small {@code load}/{@code bc} helpers are always inlined); no vector merged from
 * two branches; and few Vector API calls per compiled method (C2 stops inlining once a method's
 * parse has made ~18,000 nodes, and a Vector API call it did not inline allocates). Hence the
 * softmax in small passes, and the elementary functions on arrays ({@link ElementaryPasses}).
 */
final class VectorOps implements Ops {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Doubles per vector. */
    private static final int L = S.length();
    /** Vectors per chunk of 8 partials. */
    private static final int Q = Network.PAD / L;

    private final double[] scratch = new double[Network.PAD];
    private final SoftmaxLanes softmax = new SoftmaxLanes();
    private final DotRows dots = new DotRows();
    private final RowTimesMatrix rows = new RowTimesMatrix();
    private final ElementaryPasses.Range range = new ElementaryPasses.Range();

    VectorOps() {
        if (Network.PAD % L != 0) {
            throw new IllegalStateException("vectors of " + L + " doubles do not divide " + Network.PAD);
        }
    }



    /** The tree sum of the 8 partials stored in {@link #scratch}. */
    private double scratchTree() {
        double[] t = scratch;
        return Ops.tree(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]);
    }

    @Override
    public void forwardByInput(double[] a, int as, int in, double[] p, int kOff, int ks, int bOff,
                               double[] z, int zs, int outPad, int count) {
        rows.apply(a, as, 1, in, p, kOff, ks, outPad, p, bOff, z, zs, count);
    }

    @Override
    public void forwardByOutput(double[] a, int as, int inPad, double[] p, int kOff, int ks, int bOff, int out,
                                double[] z, int zr, int zc, int count) {
        dots.apply(a, as, inPad, p, kOff, ks, p, bOff, out, z, zr, zc, count);
    }

    /**
     * The whole buffer in one pass ({@code count} rows of {@code s} doubles), then +0 on each
     * row's padding: a padded column is +0 only while every input is finite (an infinite input
     * times a padded +0 weight is NaN there), and sigmoid maps +0 to 1/2.
     */
    @Override
    public void activate(Activation f, double[] y, int s, int width, int padWidth, int count) {
        int end = count * s;
        switch (f) {
            case RELU -> relu(y, 0, end);
            case TANH -> ElementaryPasses.tanh(range.set(y, 0, end));
            case SIGMOID -> ElementaryPasses.sigmoid(range.set(y, 0, end));
        }
        if (width < padWidth) {
            for (int b = 0; b < count; b++) {
                java.util.Arrays.fill(y, b * s + width, b * s + padWidth, 0.0);
            }
        }
    }

    private static void relu(double[] y, int from, int to) {
        for (int j = from; j < to; j += L) {
            DoubleVector.fromArray(S, y, j).max(0.0).intoArray(y, j);
        }
    }

    @Override
    public void softmax(LossFunction loss, double[] z, int rs, int classes, double[] labels, int count, double inv,
                        double[] delta, double[] rowLoss, double[] rowCorrect, double[] rowPasses) {
        softmax.run(loss, z, rs, classes, labels, count, inv, delta, rowLoss, rowCorrect, rowPasses);
    }

    @Override
    public void gradByInput(double[] a, int as, int in, double[] d, int ds, int out, int outPad, int count,
                            double[] g, int gOff, int gs) {
        gradByInputRows(a, as, in, d, ds, outPad, count, g, gOff, gs);
        for (int i = 0; i < in; i++) {
            java.util.Arrays.fill(g, gOff + i * gs + out, gOff + i * gs + outPad, 0.0);
        }
    }

    private static void gradByInputRows(double[] a, int as, int in, double[] d, int ds, int outPad, int count,
                                        double[] g, int gOff, int gs) {
        int i = 0;
        for (; i + 3 < in; i += 4) {
            int o = 0;
            for (; o + 2 * L <= outPad; o += 2 * L) {
                gradByInputBlockPair(a, as, i, d, ds, o, count, g, gOff + i * gs + o, gs);
            }
            if (o < outPad) {
                gradByInputBlock(a, as, i, d, ds, o, count, g, gOff + i * gs + o, gs);
            }
        }
        for (; i < in; i++) {
            gradByInputRow(a, as, i, d, ds, outPad, count, g, gOff + i * gs);
        }
    }

    /** One kernel row's gradient, four vectors of outputs at a time (four sums side by side), then one at a time. */
    private static void gradByInputRow(double[] a, int as, int i, double[] d, int ds, int outPad, int count,
                                       double[] g, int gr) {
        int o = 0;
        for (; o + 4 * L <= outPad; o += 4 * L) {
            gradByInputRowFour(a, as, i, d, ds, o, count, g, gr + o);
        }
        for (; o < outPad; o += L) {
            DoubleVector g0 = DoubleVector.zero(S);
            for (int b = 0; b < count; b++) {
                g0 = g0.add(DoubleVector.broadcast(S, a[b * as + i]).mul(DoubleVector.fromArray(S, d, b * ds + o)));
            }
            g0.intoArray(g, gr + o);
        }
    }

    private static void gradByInputRowFour(double[] a, int as, int i, double[] d, int ds, int o, int count,
                                           double[] g, int at) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector g0 = zero, g1 = zero, g2 = zero, g3 = zero;
        for (int b = 0; b < count; b++) {
            DoubleVector av = DoubleVector.broadcast(S, a[b * as + i]);
            int dr = b * ds + o;
            g0 = g0.add(av.mul(DoubleVector.fromArray(S, d, dr)));
            g1 = g1.add(av.mul(DoubleVector.fromArray(S, d, dr + L)));
            g2 = g2.add(av.mul(DoubleVector.fromArray(S, d, dr + 2 * L)));
            g3 = g3.add(av.mul(DoubleVector.fromArray(S, d, dr + 3 * L)));
        }
        g0.intoArray(g, at);
        g1.intoArray(g, at + L);
        g2.intoArray(g, at + 2 * L);
        g3.intoArray(g, at + 3 * L);
    }

    /** Four kernel rows' gradients at two vectors of outputs: eight sums over the batch at once. */
    private static void gradByInputBlockPair(double[] a, int as, int i, double[] d, int ds, int o, int count,
                                             double[] g, int gr, int gs) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector g0 = zero, g1 = zero, g2 = zero, g3 = zero;
        DoubleVector h0 = zero, h1 = zero, h2 = zero, h3 = zero;
        for (int b = 0; b < count; b++) {
            int dr = b * ds + o;
            DoubleVector dv = DoubleVector.fromArray(S, d, dr);
            DoubleVector du = DoubleVector.fromArray(S, d, dr + L);
            int ar = b * as + i;
            DoubleVector av = DoubleVector.broadcast(S, a[ar]);
            g0 = g0.add(av.mul(dv));
            h0 = h0.add(av.mul(du));
            av = DoubleVector.broadcast(S, a[ar + 1]);
            g1 = g1.add(av.mul(dv));
            h1 = h1.add(av.mul(du));
            av = DoubleVector.broadcast(S, a[ar + 2]);
            g2 = g2.add(av.mul(dv));
            h2 = h2.add(av.mul(du));
            av = DoubleVector.broadcast(S, a[ar + 3]);
            g3 = g3.add(av.mul(dv));
            h3 = h3.add(av.mul(du));
        }
        g0.intoArray(g, gr);
        h0.intoArray(g, gr + L);
        g1.intoArray(g, gr + gs);
        h1.intoArray(g, gr + gs + L);
        g2.intoArray(g, gr + 2 * gs);
        h2.intoArray(g, gr + 2 * gs + L);
        g3.intoArray(g, gr + 3 * gs);
        h3.intoArray(g, gr + 3 * gs + L);
    }

    /** Four kernel rows' gradients at one vector of outputs: four sums over the batch at once. */
    private static void gradByInputBlock(double[] a, int as, int i, double[] d, int ds, int o, int count,
                                         double[] g, int gr, int gs) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector g0 = zero, g1 = zero, g2 = zero, g3 = zero;
        for (int b = 0; b < count; b++) {
            DoubleVector dv = DoubleVector.fromArray(S, d, b * ds + o);
            int ar = b * as + i;
            g0 = g0.add(DoubleVector.broadcast(S, a[ar]).mul(dv));
            g1 = g1.add(DoubleVector.broadcast(S, a[ar + 1]).mul(dv));
            g2 = g2.add(DoubleVector.broadcast(S, a[ar + 2]).mul(dv));
            g3 = g3.add(DoubleVector.broadcast(S, a[ar + 3]).mul(dv));
        }
        g0.intoArray(g, gr);
        g1.intoArray(g, gr + gs);
        g2.intoArray(g, gr + 2 * gs);
        g3.intoArray(g, gr + 3 * gs);
    }

    @Override
    public void gradByOutput(double[] d, int dr, int dc, int out, double[] a, int as, int in, int inPad, int count,
                             double[] g, int gOff, int gs) {
        int o = 0;
        for (; o + 1 < out; o += 2) {
            int i = 0;
            for (; i + 4 * L <= inPad; i += 4 * L) {
                gradByOutputTwoRows(d, dr, o * dc, (o + 1) * dc, a, as, i, count, g, gOff + o * gs + i, gs);
            }
            gradByOutputRest(d, dr, o * dc, a, as, i, inPad, count, g, gOff + o * gs);
            gradByOutputRest(d, dr, (o + 1) * dc, a, as, i, inPad, count, g, gOff + (o + 1) * gs);
        }
        if (o < out) {
            gradByOutputRest(d, dr, o * dc, a, as, 0, inPad, count, g, gOff + o * gs);
        }
        for (o = 0; o < out; o++) {
            java.util.Arrays.fill(g, gOff + o * gs + in, gOff + o * gs + inPad, 0.0);
        }
    }

    /** Columns {@code from .. inPad} of one kernel row's gradient. */
    private static void gradByOutputRest(double[] d, int dr, int dcol, double[] a, int as, int from, int inPad,
                                         int count, double[] g, int gr) {
        int i = from;
        for (; i + 2 * L <= inPad; i += 2 * L) {
            gradByOutputPair(d, dr, dcol, a, as, i, count, g, gr + i);
        }
        if (i < inPad) {
            gradByOutputSingle(d, dr, dcol, a, as, i, count, g, gr + i);
        }
    }

    /** Two kernel rows' gradients at four vectors of inputs: eight sums over the batch at once. */
    private static void gradByOutputTwoRows(double[] d, int dr, int dcol0, int dcol1, double[] a, int as, int i,
                                            int count, double[] g, int gr, int gs) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector g0 = zero, g1 = zero, g2 = zero, g3 = zero;
        DoubleVector h0 = zero, h1 = zero, h2 = zero, h3 = zero;
        for (int b = 0; b < count; b++) {
            DoubleVector d0 = DoubleVector.broadcast(S, d[b * dr + dcol0]);
            DoubleVector d1 = DoubleVector.broadcast(S, d[b * dr + dcol1]);
            int ar = b * as + i;
            DoubleVector av = DoubleVector.fromArray(S, a, ar);
            g0 = g0.add(d0.mul(av));
            h0 = h0.add(d1.mul(av));
            av = DoubleVector.fromArray(S, a, ar + L);
            g1 = g1.add(d0.mul(av));
            h1 = h1.add(d1.mul(av));
            av = DoubleVector.fromArray(S, a, ar + 2 * L);
            g2 = g2.add(d0.mul(av));
            h2 = h2.add(d1.mul(av));
            av = DoubleVector.fromArray(S, a, ar + 3 * L);
            g3 = g3.add(d0.mul(av));
            h3 = h3.add(d1.mul(av));
        }
        g0.intoArray(g, gr);
        g1.intoArray(g, gr + L);
        g2.intoArray(g, gr + 2 * L);
        g3.intoArray(g, gr + 3 * L);
        h0.intoArray(g, gr + gs);
        h1.intoArray(g, gr + gs + L);
        h2.intoArray(g, gr + gs + 2 * L);
        h3.intoArray(g, gr + gs + 3 * L);
    }

    /** One kernel row's gradient at two vectors of inputs: two sums over the batch at once. */
    private static void gradByOutputPair(double[] d, int dr, int dcol, double[] a, int as, int i, int count,
                                         double[] g, int gr) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector g0 = zero, g1 = zero;
        for (int b = 0; b < count; b++) {
            DoubleVector dv = DoubleVector.broadcast(S, d[b * dr + dcol]);
            g0 = g0.add(dv.mul(DoubleVector.fromArray(S, a, b * as + i)));
            g1 = g1.add(dv.mul(DoubleVector.fromArray(S, a, b * as + i + L)));
        }
        g0.intoArray(g, gr);
        g1.intoArray(g, gr + L);
    }

    private static void gradByOutputSingle(double[] d, int dr, int dcol, double[] a, int as, int i, int count,
                                           double[] g, int gr) {
        DoubleVector g0 = DoubleVector.zero(S);
        for (int b = 0; b < count; b++) {
            g0 = g0.add(DoubleVector.broadcast(S, d[b * dr + dcol]).mul(DoubleVector.fromArray(S, a, b * as + i)));
        }
        g0.intoArray(g, gr);
    }

    @Override
    public void biasGrad(double[] d, int dr, int dc, int out, int outPad, int count, double[] g, int gOff) {
        if (dc != 1) {
            for (int o = 0; o < out; o++) {
                double s = 0.0;
                for (int b = 0; b < count; b++) {
                    s = s + d[b * dr + o * dc];
                }
                g[gOff + o] = s;
            }
            for (int o = out; o < outPad; o++) {
                g[gOff + o] = 0.0;
            }
            return;
        }
        // Batch-major: padded columns of d are +0, so their sums are the +0 the definition writes.
        DoubleVector zero = DoubleVector.zero(S);
        for (int o = 0; o < outPad; o += L) {
            DoubleVector s = zero;
            for (int b = 0; b < count; b++) {
                s = s.add(DoubleVector.fromArray(S, d, b * dr + o));
            }
            s.intoArray(g, gOff + o);
        }
    }

    @Override
    public void deltaBackByOutput(double[] d, int dr, int dc, int out, double[] p, int kOff, int ks,
                                  double[] y, int ys, Activation f, double[] e, int es, int in, int inPad, int count) {
        if (zeros.length < inPad) {
            zeros = new double[inPad];
        }
        rows.apply(d, dr, dc, out, p, kOff, ks, inPad, zeros, 0, e, es, count);
        for (int b = 0; b < count; b++) {
            applyDerivative(f, y, b * ys, e, b * es, inPad);
            for (int i = in; i < inPad; i++) {
                e[b * es + i] = 0.0;
            }
        }
    }

    /** +0s, added where a sum has no bias (see RowTimesMatrix). */
    private double[] zeros = new double[0];

    /** {@code e[eo + j] *= f'(y[yo + j])} for j < n (see {@link PlainOps#derivative}). */
    private static void applyDerivative(Activation f, double[] y, int yo, double[] e, int eo, int n) {
        switch (f) {
            case RELU -> reluDerivative(y, yo, e, eo, n);
            case TANH -> tanhDerivative(y, yo, e, eo, n);
            case SIGMOID -> sigmoidDerivative(y, yo, e, eo, n);
        }
    }

    private static void reluDerivative(double[] y, int yo, double[] e, int eo, int n) {
        DoubleVector zero = DoubleVector.zero(S);
        for (int j = 0; j < n; j += L) {
            DoubleVector r = zero.blend(1.0, DoubleVector.fromArray(S, y, yo + j).compare(VectorOperators.GT, 0.0));
            DoubleVector.fromArray(S, e, eo + j).mul(r).intoArray(e, eo + j);
        }
    }

    private static void tanhDerivative(double[] y, int yo, double[] e, int eo, int n) {
        for (int j = 0; j < n; j += L) {
            DoubleVector yv = DoubleVector.fromArray(S, y, yo + j);
            DoubleVector.fromArray(S, e, eo + j).mul(DoubleVector.broadcast(S, 1.0).sub(yv.mul(yv))).intoArray(e, eo + j);
        }
    }

    private static void sigmoidDerivative(double[] y, int yo, double[] e, int eo, int n) {
        for (int j = 0; j < n; j += L) {
            DoubleVector yv = DoubleVector.fromArray(S, y, yo + j);
            DoubleVector.fromArray(S, e, eo + j).mul(yv.mul(DoubleVector.broadcast(S, 1.0).sub(yv))).intoArray(e, eo + j);
        }
    }

    @Override
    public void deltaBackByInput(double[] d, int ds, int outPad, double[] p, int kOff, int ks,
                                 double[] y, int ys, Activation f, double[] e, int es, int in, int inPad, int count) {
        for (int b = 0; b < count; b++) {
            int dRow = b * ds;
            for (int i = 0; i < in; i++) {
                dotChunks(d, dRow, p, kOff + i * ks, outPad);
                e[b * es + i] = scratchTree() * PlainOps.derivative(f, y[b * ys + i]);
            }
            for (int i = in; i < inPad; i++) {
                e[b * es + i] = 0.0;
            }
        }
    }

    /** The 8 partials of {@code sum_k x[xo + k] * w[wo + k]} over k < n, into {@link #scratch}. */
    private void dotChunks(double[] x, int xo, double[] w, int wo, int n) {
        DotRows.partials(x, xo, w, wo, n, scratch, 0);
    }

    @Override
    public double sumOfSquares(double[] a, int n) {
        // A parameter block's length is a multiple of 8 (see Network): chunk c's lanes are partials 0..7.
        int whole = n / Network.PAD * Network.PAD;
        dotChunks(a, 0, a, 0, whole);
        for (int k = whole; k < n; k++) {
            scratch[k & 7] = scratch[k & 7] + a[k] * a[k];
        }
        return scratchTree();
    }
}
