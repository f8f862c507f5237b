package io.lrsweep.core.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The feature sum along an independent axis, several outputs per vector: for each of
 * {@code count} rows, {@code out[c] = tree_{k < K}(s_k * M[k][c]) + add[c]} over a padded width of
 * columns, where {@code s_k} is the row's k-th scalar ({@code s[row * sr + k * sk]}), {@code M}'s
 * rows are contiguous, and {@code add} is a bias (or zeros). The forward pass of a layer stored by
 * input and the delta of a layer stored by output are both this (see {@link Ops}).
 *
 * <p>The 8 partials live in 8 vector accumulators, partial j taking the terms k = j mod 8. With
 * K <= 4 every partial holds at most one term and the tree reduces to a short expression (an
 * absent partial is +0, and x + (+0) is x for every partial, none being -0); those cases have code
 * of their own, so a layer of 2 inputs or 3 classes does not do the work of 8. From K = 5 the
 * sum runs over K rounded up to 8: the padded scalars and rows are +0, whose products add nothing.
 * The "+0 +" that starts each partial is left out: it only turns a -0 into +0, and every result
 * gets {@code add}, never -0, added last, which gives +0 either way.
 */
final class RowTimesMatrix {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private RowTimesMatrix() {}

    static void apply(double[] s, int sr, int sk, int kCount, double[] m, int mOff, int ms, int width,
                      double[] add, int addOff, double[] out, int or, int count) {
        switch (kCount) {
            case 1 -> one(s, sr, m, mOff, width, add, addOff, out, or, count);
            case 2 -> two(s, sr, sk, m, mOff, ms, width, add, addOff, out, or, count);
            case 3 -> three(s, sr, sk, m, mOff, ms, width, add, addOff, out, or, count);
            case 4 -> four(s, sr, sk, m, mOff, ms, width, add, addOff, out, or, count);
            default -> general(s, sr, sk, Network.padded(kCount), m, mOff, ms, width, add, addOff, out, or, count);
        }
    }

    private static void one(double[] s, int sr, double[] m, int mOff, int width, double[] add, int addOff,
                            double[] out, int or, int count) {
        for (int b = 0; b < count; b++) {
            DoubleVector s0 = DoubleVector.broadcast(S, s[b * sr]);
            for (int c = 0; c < width; c += L) {
                s0.mul(DoubleVector.fromArray(S, m, mOff + c)).add(DoubleVector.fromArray(S, add, addOff + c))
                        .intoArray(out, b * or + c);
            }
        }
    }

    private static void two(double[] s, int sr, int sk, double[] m, int mOff, int ms, int width, double[] add, int addOff,
                            double[] out, int or, int count) {
        for (int b = 0; b < count; b++) {
            DoubleVector s0 = DoubleVector.broadcast(S, s[b * sr]);
            DoubleVector s1 = DoubleVector.broadcast(S, s[b * sr + sk]);
            for (int c = 0; c < width; c += L) {
                DoubleVector t0 = s0.mul(DoubleVector.fromArray(S, m, mOff + c));
                DoubleVector t1 = s1.mul(DoubleVector.fromArray(S, m, mOff + ms + c));
                t0.add(t1).add(DoubleVector.fromArray(S, add, addOff + c)).intoArray(out, b * or + c);
            }
        }
    }

    /** ((p0 + p2) + p1): the tree with partials 3..7 absent. */
    private static void three(double[] s, int sr, int sk, double[] m, int mOff, int ms, int width, double[] add, int addOff,
                              double[] out, int or, int count) {
        for (int b = 0; b < count; b++) {
            DoubleVector s0 = DoubleVector.broadcast(S, s[b * sr]);
            DoubleVector s1 = DoubleVector.broadcast(S, s[b * sr + sk]);
            DoubleVector s2 = DoubleVector.broadcast(S, s[b * sr + 2 * sk]);
            for (int c = 0; c < width; c += L) {
                DoubleVector t0 = s0.mul(DoubleVector.fromArray(S, m, mOff + c));
                DoubleVector t1 = s1.mul(DoubleVector.fromArray(S, m, mOff + ms + c));
                DoubleVector t2 = s2.mul(DoubleVector.fromArray(S, m, mOff + 2 * ms + c));
                t0.add(t2).add(t1).add(DoubleVector.fromArray(S, add, addOff + c)).intoArray(out, b * or + c);
            }
        }
    }

    /** ((p0 + p2) + (p1 + p3)): the tree with partials 4..7 absent. */
    private static void four(double[] s, int sr, int sk, double[] m, int mOff, int ms, int width, double[] add, int addOff,
                             double[] out, int or, int count) {
        for (int b = 0; b < count; b++) {
            DoubleVector s0 = DoubleVector.broadcast(S, s[b * sr]);
            DoubleVector s1 = DoubleVector.broadcast(S, s[b * sr + sk]);
            DoubleVector s2 = DoubleVector.broadcast(S, s[b * sr + 2 * sk]);
            DoubleVector s3 = DoubleVector.broadcast(S, s[b * sr + 3 * sk]);
            for (int c = 0; c < width; c += L) {
                DoubleVector t0 = s0.mul(DoubleVector.fromArray(S, m, mOff + c));
                DoubleVector t1 = s1.mul(DoubleVector.fromArray(S, m, mOff + ms + c));
                DoubleVector t2 = s2.mul(DoubleVector.fromArray(S, m, mOff + 2 * ms + c));
                DoubleVector t3 = s3.mul(DoubleVector.fromArray(S, m, mOff + 3 * ms + c));
                t0.add(t2).add(t1.add(t3)).add(DoubleVector.fromArray(S, add, addOff + c)).intoArray(out, b * or + c);
            }
        }
    }

    private static void general(double[] s, int sr, int sk, int kPad, double[] m, int mOff, int ms, int width,
                                double[] add, int addOff, double[] out, int or, int count) {
        for (int b = 0; b < count; b++) {
            for (int c = 0; c < width; c += L) {
                generalVector(s, b * sr, sk, kPad, m, mOff + c, ms, add, addOff + c, out, b * or + c);
            }
        }
    }

    private static void generalVector(double[] s, int s0, int sk, int kPad, double[] m, int m0, int ms,
                                      double[] add, int addAt, double[] out, int at) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector p0 = zero, p1 = zero, p2 = zero, p3 = zero, p4 = zero, p5 = zero, p6 = zero, p7 = zero;
        int m8 = 8 * ms;
        int s8 = 8 * sk;
        for (int k = 0, mk = m0, si = s0; k < kPad; k += 8, mk += m8, si += s8) {
            p0 = p0.add(DoubleVector.broadcast(S, s[si]).mul(DoubleVector.fromArray(S, m, mk)));
            p1 = p1.add(DoubleVector.broadcast(S, s[si + sk]).mul(DoubleVector.fromArray(S, m, mk + ms)));
            p2 = p2.add(DoubleVector.broadcast(S, s[si + 2 * sk]).mul(DoubleVector.fromArray(S, m, mk + 2 * ms)));
            p3 = p3.add(DoubleVector.broadcast(S, s[si + 3 * sk]).mul(DoubleVector.fromArray(S, m, mk + 3 * ms)));
            p4 = p4.add(DoubleVector.broadcast(S, s[si + 4 * sk]).mul(DoubleVector.fromArray(S, m, mk + 4 * ms)));
            p5 = p5.add(DoubleVector.broadcast(S, s[si + 5 * sk]).mul(DoubleVector.fromArray(S, m, mk + 5 * ms)));
            p6 = p6.add(DoubleVector.broadcast(S, s[si + 6 * sk]).mul(DoubleVector.fromArray(S, m, mk + 6 * ms)));
            p7 = p7.add(DoubleVector.broadcast(S, s[si + 7 * sk]).mul(DoubleVector.fromArray(S, m, mk + 7 * ms)));
        }
        p0.add(p4).add(p2.add(p6)).add(p1.add(p5).add(p3.add(p7))).add(DoubleVector.fromArray(S, add, addAt)).intoArray(out, at);
    }
}
