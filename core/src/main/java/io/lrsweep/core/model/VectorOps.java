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
    private final ElementaryPasses.Range range = new ElementaryPasses.Range();

    VectorOps() {
        if (Network.PAD % L != 0) {
            throw new IllegalStateException("vectors of " + L + " doubles do not divide " + Network.PAD);
        }
    }

    private static DoubleVector load(double[] a, int i) {
        return DoubleVector.fromArray(S, a, i);
    }

    private static DoubleVector bc(double v) {
        return DoubleVector.broadcast(S, v);
    }

    /** The tree sum of the 8 partials stored in {@link #scratch}. */
    private double scratchTree() {
        double[] t = scratch;
        return Ops.tree(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]);
    }

    @Override
    public void forwardByInput(double[] a, int as, int inPad, double[] p, int kOff, int ks, int bOff,
                               double[] z, int zs, int outPad, int count) {
        DoubleVector zero = DoubleVector.zero(S);
        int k8 = 8 * ks;
        for (int b = 0; b < count; b++) {
            int ar = b * as;
            for (int o = 0; o < outPad; o += L) {
                DoubleVector p0 = zero, p1 = zero, p2 = zero, p3 = zero, p4 = zero, p5 = zero, p6 = zero, p7 = zero;
                for (int i = 0, k = kOff + o; i < inPad; i += 8, k += k8) {
                    p0 = p0.add(bc(a[ar + i]).mul(load(p, k)));
                    p1 = p1.add(bc(a[ar + i + 1]).mul(load(p, k + ks)));
                    p2 = p2.add(bc(a[ar + i + 2]).mul(load(p, k + 2 * ks)));
                    p3 = p3.add(bc(a[ar + i + 3]).mul(load(p, k + 3 * ks)));
                    p4 = p4.add(bc(a[ar + i + 4]).mul(load(p, k + 4 * ks)));
                    p5 = p5.add(bc(a[ar + i + 5]).mul(load(p, k + 5 * ks)));
                    p6 = p6.add(bc(a[ar + i + 6]).mul(load(p, k + 6 * ks)));
                    p7 = p7.add(bc(a[ar + i + 7]).mul(load(p, k + 7 * ks)));
                }
                // Ops.tree, lanewise, then the bias.
                p0.add(p4).add(p2.add(p6)).add(p1.add(p5).add(p3.add(p7))).add(load(p, bOff + o)).intoArray(z, b * zs + o);
            }
        }
    }

    @Override
    public void forwardByOutput(double[] a, int as, int inPad, double[] p, int kOff, int ks, int bOff, int out,
                                double[] z, int zr, int zc, int count) {
        DoubleVector zero = DoubleVector.zero(S);
        for (int b = 0; b < count; b++) {
            int ar = b * as;
            for (int o = 0; o < out; o++) {
                int kr = kOff + o * ks;
                DoubleVector v0 = zero, v1 = zero, v2 = zero, v3 = zero;
                for (int i = 0; i < inPad; i += Network.PAD) {
                    v0 = v0.add(load(a, ar + i).mul(load(p, kr + i)));
                    if (Q >= 2) {
                        v1 = v1.add(load(a, ar + i + L).mul(load(p, kr + i + L)));
                    }
                    if (Q >= 4) {
                        v2 = v2.add(load(a, ar + i + 2 * L).mul(load(p, kr + i + 2 * L)));
                        v3 = v3.add(load(a, ar + i + 3 * L).mul(load(p, kr + i + 3 * L)));
                    }
                }
                v0.intoArray(scratch, 0);
                if (Q >= 2) {
                    v1.intoArray(scratch, L);
                }
                if (Q >= 4) {
                    v2.intoArray(scratch, 2 * L);
                    v3.intoArray(scratch, 3 * L);
                }
                z[b * zr + o * zc] = scratchTree() + p[bOff + o];
            }
        }
    }

    @Override
    public void activate(Activation f, double[] y, int s, int width, int padWidth, int count) {
        for (int b = 0; b < count; b++) {
            int row = b * s;
            switch (f) {
                case RELU -> relu(y, row, row + padWidth);
                case TANH -> ElementaryPasses.tanh(range.set(y, row, row + padWidth));
                case SIGMOID -> ElementaryPasses.sigmoid(range.set(y, row, row + padWidth));
            }
            for (int j = width; j < padWidth; j++) {
                y[row + j] = 0.0;
            }
        }
    }

    private static void relu(double[] y, int from, int to) {
        for (int j = from; j < to; j += L) {
            load(y, j).max(0.0).intoArray(y, j);
        }
    }

    @Override
    public void softmax(LossFunction loss, double[] z, int rs, int classes, double[] labels, int count, double inv,
                        double[] delta, double[] rowLoss, double[] rowCorrect, double[] rowPasses) {
        softmax.run(loss, z, rs, classes, labels, count, inv, delta, rowLoss, rowCorrect, rowPasses);
    }

    @Override
    public void gradByInput(double[] a, int as, int inPad, double[] d, int ds, int outPad, int count,
                            double[] g, int gOff, int gs) {
        for (int i = 0; i < inPad; i += 4) {
            for (int o = 0; o < outPad; o += L) {
                gradByInputBlock(a, as, i, d, ds, o, count, g, gOff + i * gs + o, gs);
            }
        }
    }

    /** Four kernel rows' gradients at one vector of outputs: four sums over the batch at once. */
    private static void gradByInputBlock(double[] a, int as, int i, double[] d, int ds, int o, int count,
                                         double[] g, int gr, int gs) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector g0 = zero, g1 = zero, g2 = zero, g3 = zero;
        for (int b = 0; b < count; b++) {
            DoubleVector dv = load(d, b * ds + o);
            int ar = b * as + i;
            g0 = g0.add(bc(a[ar]).mul(dv));
            g1 = g1.add(bc(a[ar + 1]).mul(dv));
            g2 = g2.add(bc(a[ar + 2]).mul(dv));
            g3 = g3.add(bc(a[ar + 3]).mul(dv));
        }
        g0.intoArray(g, gr);
        g1.intoArray(g, gr + gs);
        g2.intoArray(g, gr + 2 * gs);
        g3.intoArray(g, gr + 3 * gs);
    }

    @Override
    public void gradByOutput(double[] d, int dr, int dc, int outPad, double[] a, int as, int inPad, int count,
                             double[] g, int gOff, int gs) {
        for (int o = 0; o < outPad; o++) {
            int i = 0;
            for (; i + 2 * L <= inPad; i += 2 * L) {
                gradByOutputPair(d, dr, o * dc, a, as, i, count, g, gOff + o * gs + i);
            }
            if (i < inPad) {
                gradByOutputSingle(d, dr, o * dc, a, as, i, count, g, gOff + o * gs + i);
            }
        }
    }

    /** One kernel row's gradient at two vectors of inputs: two sums over the batch at once. */
    private static void gradByOutputPair(double[] d, int dr, int dcol, double[] a, int as, int i, int count,
                                         double[] g, int gr) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector g0 = zero, g1 = zero;
        for (int b = 0; b < count; b++) {
            DoubleVector dv = bc(d[b * dr + dcol]);
            g0 = g0.add(dv.mul(load(a, b * as + i)));
            g1 = g1.add(dv.mul(load(a, b * as + i + L)));
        }
        g0.intoArray(g, gr);
        g1.intoArray(g, gr + L);
    }

    private static void gradByOutputSingle(double[] d, int dr, int dcol, double[] a, int as, int i, int count,
                                           double[] g, int gr) {
        DoubleVector g0 = DoubleVector.zero(S);
        for (int b = 0; b < count; b++) {
            g0 = g0.add(bc(d[b * dr + dcol]).mul(load(a, b * as + i)));
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
                s = s.add(load(d, b * dr + o));
            }
            s.intoArray(g, gOff + o);
        }
    }

    @Override
    public void deltaBackByOutput(double[] d, int dr, int dc, int outPad, double[] p, int kOff, int ks,
                                  double[] y, int ys, Activation f, double[] e, int es, int in, int inPad, int count) {
        for (int b = 0; b < count; b++) {
            for (int i = 0; i < inPad; i += L) {
                deltaBackVector(d, b * dr, dc, outPad, p, kOff + i, ks, e, b * es + i);
            }
            applyDerivative(f, y, b * ys, e, b * es, inPad);
            for (int i = in; i < inPad; i++) {
                e[b * es + i] = 0.0;
            }
        }
    }

    /** One vector of a row's back-propagated delta, before the derivative: 8 partials over the outputs. */
    private static void deltaBackVector(double[] d, int dRow, int dc, int outPad, double[] p, int k0, int ks,
                                        double[] e, int at) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector p0 = zero, p1 = zero, p2 = zero, p3 = zero, p4 = zero, p5 = zero, p6 = zero, p7 = zero;
        int k8 = 8 * ks;
        for (int o = 0, k = k0; o < outPad; o += 8, k += k8) {
            int dAt = dRow + o * dc;
            p0 = p0.add(bc(d[dAt]).mul(load(p, k)));
            p1 = p1.add(bc(d[dAt + dc]).mul(load(p, k + ks)));
            p2 = p2.add(bc(d[dAt + 2 * dc]).mul(load(p, k + 2 * ks)));
            p3 = p3.add(bc(d[dAt + 3 * dc]).mul(load(p, k + 3 * ks)));
            p4 = p4.add(bc(d[dAt + 4 * dc]).mul(load(p, k + 4 * ks)));
            p5 = p5.add(bc(d[dAt + 5 * dc]).mul(load(p, k + 5 * ks)));
            p6 = p6.add(bc(d[dAt + 6 * dc]).mul(load(p, k + 6 * ks)));
            p7 = p7.add(bc(d[dAt + 7 * dc]).mul(load(p, k + 7 * ks)));
        }
        p0.add(p4).add(p2.add(p6)).add(p1.add(p5).add(p3.add(p7))).intoArray(e, at);
    }

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
            DoubleVector r = zero.blend(1.0, load(y, yo + j).compare(VectorOperators.GT, 0.0));
            load(e, eo + j).mul(r).intoArray(e, eo + j);
        }
    }

    private static void tanhDerivative(double[] y, int yo, double[] e, int eo, int n) {
        for (int j = 0; j < n; j += L) {
            DoubleVector yv = load(y, yo + j);
            load(e, eo + j).mul(bc(1.0).sub(yv.mul(yv))).intoArray(e, eo + j);
        }
    }

    private static void sigmoidDerivative(double[] y, int yo, double[] e, int eo, int n) {
        for (int j = 0; j < n; j += L) {
            DoubleVector yv = load(y, yo + j);
            load(e, eo + j).mul(yv.mul(bc(1.0).sub(yv))).intoArray(e, eo + j);
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
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector v0 = zero, v1 = zero, v2 = zero, v3 = zero;
        for (int k = 0; k < n; k += Network.PAD) {
            v0 = v0.add(load(x, xo + k).mul(load(w, wo + k)));
            if (Q >= 2) {
                v1 = v1.add(load(x, xo + k + L).mul(load(w, wo + k + L)));
            }
            if (Q >= 4) {
                v2 = v2.add(load(x, xo + k + 2 * L).mul(load(w, wo + k + 2 * L)));
                v3 = v3.add(load(x, xo + k + 3 * L).mul(load(w, wo + k + 3 * L)));
            }
        }
        v0.intoArray(scratch, 0);
        if (Q >= 2) {
            v1.intoArray(scratch, L);
        }
        if (Q >= 4) {
            v2.intoArray(scratch, 2 * L);
            v3.intoArray(scratch, 3 * L);
        }
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
