package io.lrsweep.core.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * PLACEHOLDER: {@link Elementary}'s functions in place over array ranges, several lanes at a time,
 * the same bits per value. Array in, array out, in passes of a few operations each: Java 17's C2
 * stops inlining a method's Vector API calls after a budget of nodes, and a call it did not
 * inline allocates; a vector passed to or returned from a method it did not inline does too.
 */
final class ElementaryLanes {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private ElementaryLanes() {}

    private static DoubleVector load(double[] a, int i) {
        return DoubleVector.fromArray(S, a, i);
    }

    /** The arrays and range a function works on; scratch {@code k} and {@code x} as long as the range. */
    static final class Range {
        double[] a;
        int from;
        int to;
        double[] k;
        double[] x;

        Range set(double[] a, int from, int to, double[] k, double[] x) {
            this.a = a;
            this.from = from;
            this.to = to;
            this.k = k;
            this.x = x;
            return this;
        }
    }

    private static final LanePass<Range> EXP_REDUCE = (r, i) -> expReduce(r.a, r.from, r.to, r.k);
    private static final LanePass<Range> EXP_POLYNOMIAL = (r, i) -> expPolynomial(r.a, r.from, r.to);
    private static final LanePass<Range> EXP_SCALE = (r, i) -> expScale(r.a, r.from, r.to, r.k);
    private static final LanePass<Range> LOG_SPLIT = (r, i) -> logSplit(r.a, r.from, r.to, r.k, r.x);
    private static final LanePass<Range> LOG_SERIES = (r, i) -> logSeries(r.a, r.from, r.to, r.k, r.x);
    private static final LanePass<Range> TANH_BEFORE = (r, i) -> tanhBefore(r.a, r.from, r.to, r.x);
    private static final LanePass<Range> TANH_AFTER = (r, i) -> tanhAfter(r.a, r.from, r.to, r.x);
    private static final LanePass<Range> NEGATE = (r, i) -> negate(r.a, r.from, r.to);
    private static final LanePass<Range> SIGMOID_AFTER = (r, i) -> sigmoidAfter(r.a, r.from, r.to);

    /** The passes, read from an array so that C2 cannot know which one a call runs (see LanePass). */
    private static final LanePass<Range>[] PASSES = passes(EXP_REDUCE, EXP_POLYNOMIAL, EXP_SCALE, LOG_SPLIT, LOG_SERIES, TANH_BEFORE, TANH_AFTER, NEGATE, SIGMOID_AFTER);
    private static final int EXP_REDUCE_AT = 0;
    private static final int EXP_POLYNOMIAL_AT = 1;
    private static final int EXP_SCALE_AT = 2;
    private static final int LOG_SPLIT_AT = 3;
    private static final int LOG_SERIES_AT = 4;
    private static final int TANH_BEFORE_AT = 5;
    private static final int TANH_AFTER_AT = 6;
    private static final int NEGATE_AT = 7;
    private static final int SIGMOID_AFTER_AT = 8;

    @SafeVarargs
    private static LanePass<Range>[] passes(LanePass<Range>... all) {
        return all;
    }

    /** {@code a[i] = exp(a[i])} on the range. */
    static void exp(Range r) {
        LanePass.run(PASSES[EXP_REDUCE_AT], r, 0);
        LanePass.run(PASSES[EXP_POLYNOMIAL_AT], r, 0);
        LanePass.run(PASSES[EXP_SCALE_AT], r, 0);
    }

    /** {@code a[i] = log(a[i])} on the range: positive normal values (NaN stays NaN). */
    static void log(Range r) {
        LanePass.run(PASSES[LOG_SPLIT_AT], r, 0);
        LanePass.run(PASSES[LOG_SERIES_AT], r, 0);
    }

    /** {@code a[i] = tanh(a[i])} on the range. */
    static void tanh(Range r) {
        LanePass.run(PASSES[TANH_BEFORE_AT], r, 0);
        exp(r);
        LanePass.run(PASSES[TANH_AFTER_AT], r, 0);
    }

    /** {@code a[i] = 1 / (1 + exp(-a[i]))} on the range. */
    static void sigmoid(Range r) {
        LanePass.run(PASSES[NEGATE_AT], r, 0);
        exp(r);
        LanePass.run(PASSES[SIGMOID_AFTER_AT], r, 0);
    }

    /** x clamped; k = rint(x log2 e) into k; r = x - k ln2 into a. */
    private static void expReduce(double[] a, int from, int to, double[] k) {
        for (int i = from; i < to; i += L) {
            DoubleVector x = load(a, i).max(-746.0).min(710.0);
            DoubleVector kv = x.mul(Elementary.LOG2E).add(Elementary.SHIFT).sub(Elementary.SHIFT);
            kv.intoArray(k, i - from);
            x.sub(kv.mul(Elementary.LN2_HI)).sub(kv.mul(Elementary.LN2_LO)).intoArray(a, i);
        }
    }

    private static void expPolynomial(double[] a, int from, int to) {
        for (int i = from; i < to; i += L) {
            DoubleVector r = load(a, i);
            DoubleVector p = r.mul(Elementary.C13).add(Elementary.C12);
            p = p.mul(r).add(Elementary.C11);
            p = p.mul(r).add(Elementary.C10);
            p = p.mul(r).add(Elementary.C9);
            p = p.mul(r).add(Elementary.C8);
            p = p.mul(r).add(Elementary.C7);
            p = p.mul(r).add(Elementary.C6);
            p = p.mul(r).add(Elementary.C5);
            p = p.mul(r).add(Elementary.C4);
            p = p.mul(r).add(Elementary.C3);
            p = p.mul(r).add(Elementary.C2);
            p = p.mul(r).add(Elementary.C1);
            p.mul(r).add(Elementary.C0).intoArray(a, i);
        }
    }

    private static void expScale(double[] a, int from, int to, double[] k) {
        for (int i = from; i < to; i += L) {
            DoubleVector kv = load(k, i - from);
            DoubleVector k1 = kv.max(-1022.0).min(1023.0);
            DoubleVector k2 = kv.sub(k1);
            DoubleVector s1 = k1.add(Elementary.SHIFT).reinterpretAsLongs().sub(Elementary.SHIFT_BITS - 1023L)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector s2 = k2.add(Elementary.SHIFT).reinterpretAsLongs().sub(Elementary.SHIFT_BITS - 1023L)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            load(a, i).mul(s1).mul(s2).intoArray(a, i);
        }
    }

    /** a = m in [sqrt(1/2), sqrt 2), e the exponent (as a double), x the argument kept. */
    private static void logSplit(double[] a, int from, int to, double[] e, double[] x) {
        for (int i = from; i < to; i += L) {
            DoubleVector xv = load(a, i);
            xv.intoArray(x, i - from);
            LongVector bits = xv.reinterpretAsLongs();
            DoubleVector ed = bits.lanewise(VectorOperators.LSHR, 52).sub(1023L).add(Elementary.SHIFT_BITS)
                    .reinterpretAsDoubles().sub(Elementary.SHIFT);
            DoubleVector m = bits.and(0x000FFFFFFFFFFFFFL).or(0x3FF0000000000000L).reinterpretAsDoubles();
            VectorMask<Double> big = m.compare(VectorOperators.GT, Elementary.SQRT2);
            m.blend(m.mul(0.5), big).intoArray(a, i);
            ed.blend(ed.add(1.0), big).intoArray(e, i - from);
        }
    }

    private static void logSeries(double[] a, int from, int to, double[] e, double[] x) {
        for (int i = from; i < to; i += L) {
            DoubleVector ed = load(e, i - from);
            DoubleVector f = load(a, i).sub(1.0);
            DoubleVector s = f.div(f.add(2.0));
            DoubleVector z = s.mul(s);
            DoubleVector w = z.mul(z);
            DoubleVector t1 = w.mul(w.mul(w.mul(Elementary.LG6).add(Elementary.LG4)).add(Elementary.LG2));
            DoubleVector t2 = z.mul(w.mul(w.mul(w.mul(Elementary.LG7).add(Elementary.LG5)).add(Elementary.LG3)).add(Elementary.LG1));
            DoubleVector r = t2.add(t1);
            DoubleVector hfsq = f.mul(0.5).mul(f);
            DoubleVector y = ed.mul(Elementary.LN2_HI).sub(hfsq.sub(s.mul(hfsq.add(r)).add(ed.mul(Elementary.LN2_LO))).sub(f));
            DoubleVector xv = load(x, i - from);
            y.add(xv.sub(xv)).intoArray(a, i);
        }
    }

    private static void tanhBefore(double[] a, int from, int to, double[] x) {
        for (int i = from; i < to; i += L) {
            DoubleVector v = load(a, i);
            v.intoArray(x, i - from);
            v.abs().min(30.0).mul(-2.0).intoArray(a, i);
        }
    }

    private static void tanhAfter(double[] a, int from, int to, double[] x) {
        for (int i = from; i < to; i += L) {
            DoubleVector t = load(a, i);
            DoubleVector y = t.neg().add(1.0).div(t.add(1.0));
            DoubleVector x0 = load(x, i - from);
            LongVector sign = x0.reinterpretAsLongs().and(0x8000000000000000L);
            DoubleVector signed = y.reinterpretAsLongs().and(0x7FFFFFFFFFFFFFFFL).or(sign).reinterpretAsDoubles();
            signed.add(x0.sub(x0)).intoArray(a, i);
        }
    }

    private static void negate(double[] a, int from, int to) {
        for (int i = from; i < to; i += L) {
            load(a, i).neg().intoArray(a, i);
        }
    }

    private static void sigmoidAfter(double[] a, int from, int to) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int i = from; i < to; i += L) {
            one.div(load(a, i).add(1.0)).intoArray(a, i);
        }
    }
}
