package io.lrsweep.core.model;

import static io.lrsweep.core.model.Elementary.C10;
import static io.lrsweep.core.model.Elementary.C11;
import static io.lrsweep.core.model.Elementary.C2;
import static io.lrsweep.core.model.Elementary.C3;
import static io.lrsweep.core.model.Elementary.C4;
import static io.lrsweep.core.model.Elementary.C5;
import static io.lrsweep.core.model.Elementary.C6;
import static io.lrsweep.core.model.Elementary.C7;
import static io.lrsweep.core.model.Elementary.C8;
import static io.lrsweep.core.model.Elementary.C9;
import static io.lrsweep.core.model.Elementary.INF_BITS;
import static io.lrsweep.core.model.Elementary.LG1;
import static io.lrsweep.core.model.Elementary.LG2;
import static io.lrsweep.core.model.Elementary.LG3;
import static io.lrsweep.core.model.Elementary.LG4;
import static io.lrsweep.core.model.Elementary.LG5;
import static io.lrsweep.core.model.Elementary.LG6;
import static io.lrsweep.core.model.Elementary.LG7;
import static io.lrsweep.core.model.Elementary.LN2_HI;
import static io.lrsweep.core.model.Elementary.LN2_LO;
import static io.lrsweep.core.model.Elementary.LOG2E;
import static io.lrsweep.core.model.Elementary.LOG_OFFSET;
import static io.lrsweep.core.model.Elementary.MANTISSA;
import static io.lrsweep.core.model.Elementary.SHIFT;
import static io.lrsweep.core.model.Elementary.SHIFT_BITS;
import static io.lrsweep.core.model.Elementary.SHIFT_PLUS_1024;
import static io.lrsweep.core.model.Elementary.SIGN;
import static io.lrsweep.core.model.Elementary.SQRT_HALF_BITS;
import static io.lrsweep.core.model.Elementary.TWO_BIASES;
import static jdk.incubator.vector.VectorOperators.AND_NOT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;

/**
 * {@link Elementary}'s functions on every lane of a {@link DoubleVector} of any species: the same
 * operations in the same order (see {@link Elementary} for the definitions), so each lane is bit
 * for bit what the scalar function returns for it. Straight-line code of lanewise arithmetic and
 * bit operations only: no lane is tested in a branch, and no vector comparison or blend (on Java
 * 17, C2 compiles those only with AVX; with SSE alone it boxes every vector). Where the scalar code
 * returns a limit for a large argument, the lanes compute the formula anyway and select the limit
 * with bit masks at the end: off the main dependency chain, which is what bounds the speed here (a
 * clamp of x at the start cost a quarter more time per value).
 *
 * <p>How to call them. They take and return vectors, so they must be inlined into the caller's
 * loop, or C2 boxes every vector crossing the call (an allocation per call, ~10 times slower; the
 * bits stay the same). On Java 17, C2 inlines them when:
 * <ul>
 * <li>the loop body calls one of them, early: C2 parses the Vector API at ~300-700 IR nodes per
 *     operation and stops inlining ordinary methods past ~18000 nodes (NodeCountInliningCutoff), so
 *     a second function in the same loop body, or ~40 vector operations before the call, or a
 *     vector-passing helper of the caller's after it, is called instead (the Vector API's own
 *     methods are still inlined). Apply each function in a loop of its own.
 * <li>the call site sees one vector species (one vector class): methods compiled while mixing
 *     species are megamorphic and too big to inline.
 * <li>tiered compilation is on (the default): with {@code -XX:-TieredCompilation}, C2 compiled
 *     expm1 and sigmoid on their own first, into code too big to inline afterwards.
 * </ul>
 * Each method's bytecode is under C2's FreqInlineSize (325 bytes) and calls its one helper first,
 * before the node count grows: exp's and expm1's formulas each live in one such helper, which is
 * why the polynomial is written out twice. {@code ElementaryJvmFlagsTest} checks that loops of one
 * function allocate nothing with AVX-512, AVX2 and SSE; {@code ElementaryBenchmark} measures them.
 */
public final class ElementaryLanes {
    private static final long EXP_LIMIT_BITS = Double.doubleToRawLongBits(Elementary.EXP_LIMIT_ARG);
    private static final long TANH_LIMIT_BITS = Double.doubleToRawLongBits(Elementary.TANH_LIMIT_ARG);
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    private ElementaryLanes() {}

    /** e^x on every lane, as {@link Elementary#exp}. */
    public static DoubleVector exp(DoubleVector x) {
        DoubleVector y = expCore(x);
        // |x| > 746 (and not NaN): +inf for x > 0, +0 for x < 0. beyond is all ones in those lanes:
        // of the two exact differences, the first is negative when |x| > 746, the second when |x|
        // is not NaN (its bits at most INF_BITS). limit is (sign - 1) & INF_BITS there, 0 elsewhere.
        LongVector bits = x.reinterpretAsLongs();
        LongVector magnitude = bits.and(~SIGN);
        LongVector beyond = bits.broadcast(EXP_LIMIT_BITS).sub(magnitude).and(magnitude.sub(INF_BITS + 1))
                .lanewise(LSHR, 63).neg();
        LongVector limit = bits.lanewise(LSHR, 63).sub(1L).and(beyond.and(INF_BITS));
        return y.reinterpretAsLongs().lanewise(AND_NOT, beyond).or(limit).reinterpretAsDoubles();
    }

    /** e^x - 1 on every lane, as {@link Elementary#expm1}. */
    public static DoubleVector expm1(DoubleVector x) {
        LongVector bits = x.reinterpretAsLongs();
        LongVector y = expm1Core(x).reinterpretAsLongs().or(bits.and(SIGN));
        // |x| > 746: +inf for x > 0, -1 for x < 0 (INF_BITS + 2^62 is the bits of -1.0).
        LongVector magnitude = bits.and(~SIGN);
        LongVector beyond = bits.broadcast(EXP_LIMIT_BITS).sub(magnitude).and(magnitude.sub(INF_BITS + 1))
                .lanewise(LSHR, 63).neg();
        LongVector limit = bits.lanewise(LSHR, 63).lanewise(LSHL, 62).add(INF_BITS).and(beyond);
        return y.lanewise(AND_NOT, beyond).or(limit).reinterpretAsDoubles();
    }

    /** The natural logarithm on every lane, as {@link Elementary#log}. */
    public static DoubleVector log(DoubleVector x) {
        LongVector u = x.reinterpretAsLongs().sub(LOG_OFFSET);
        DoubleVector m = u.and(MANTISSA).add(SQRT_HALF_BITS).reinterpretAsDoubles();
        DoubleVector dk = u.lanewise(LSHR, 52).add(SHIFT_BITS).reinterpretAsDoubles().sub(SHIFT_PLUS_1024);
        DoubleVector f = m.sub(1.0);
        DoubleVector s = f.div(f.add(2.0));
        DoubleVector z = s.mul(s);
        DoubleVector w = z.mul(z);
        DoubleVector t1 = w.mul(w.mul(w.mul(LG6).add(LG4)).add(LG2));
        DoubleVector t2 = z.mul(w.mul(w.mul(w.mul(LG7).add(LG5)).add(LG3)).add(LG1));
        DoubleVector rr = t2.add(t1);
        DoubleVector hfsq = f.mul(0.5).mul(f);
        DoubleVector inner = hfsq.sub(s.mul(hfsq.add(rr)).add(dk.mul(LN2_LO))).sub(f);
        return dk.mul(LN2_HI).sub(inner).add(x.sub(x));
    }

    /** The hyperbolic tangent on every lane, as {@link Elementary#tanh}. */
    public static DoubleVector tanh(DoubleVector x) {
        LongVector bits = x.reinterpretAsLongs();
        DoubleVector a = bits.and(~SIGN).reinterpretAsDoubles();
        DoubleVector e = expm1Core(a.mul(2.0));
        DoubleVector d = e.add(2.0);
        DoubleVector dv = d.sub(e);
        DoubleVector delta = e.sub(d.sub(dv)).add(x.broadcast(2.0).sub(dv));
        DoubleVector q0 = e.div(d);
        DoubleVector q = q0.sub(q0.mul(delta).mul(x.broadcast(1.0).sub(q0).mul(0.5)));
        // a > 22: 1 (see beyond in exp).
        LongVector magnitude = a.reinterpretAsLongs();
        LongVector beyond = bits.broadcast(TANH_LIMIT_BITS).sub(magnitude).and(magnitude.sub(INF_BITS + 1))
                .lanewise(LSHR, 63).neg();
        return q.reinterpretAsLongs().lanewise(AND_NOT, beyond).or(beyond.and(ONE_BITS)).or(bits.and(SIGN))
                .reinterpretAsDoubles();
    }

    /** The logistic function on every lane, as {@link Elementary#sigmoid}. */
    public static DoubleVector sigmoid(DoubleVector x) {
        DoubleVector one = x.broadcast(1.0);
        return one.div(exp(x.neg()).add(1.0));
    }

    /** exp's formula, for |x| <= 746: ((1 + (r + H)) * S1) * S2. */
    private static DoubleVector expCore(DoubleVector x) {
        DoubleVector t = x.mul(LOG2E).add(SHIFT);
        DoubleVector k = t.sub(SHIFT);
        DoubleVector r = x.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
        DoubleVector r2 = r.mul(r);
        DoubleVector r4 = r2.mul(r2);
        DoubleVector q = r.mul(C3).add(C2).add(r.mul(C5).add(C4).mul(r2))
                .add(r.mul(C7).add(C6).add(r.mul(C9).add(C8).mul(r2)).add(r.mul(C11).add(C10).mul(r4)).mul(r4));
        DoubleVector p = r.add(r2.mul(q)).add(1.0);
        LongVector n = t.reinterpretAsLongs();
        LongVector s1 = n.lanewise(LSHR, 1).lanewise(LSHL, 52);
        return p.mul(s1.reinterpretAsDoubles()).mul(n.lanewise(LSHL, 52).sub(s1).reinterpretAsDoubles());
    }

    /** {@link Elementary}'s expm1Core: 2^k (r + H + c) + (2^k - 1), with a Fast2Sum. */
    private static DoubleVector expm1Core(DoubleVector x) {
        DoubleVector t = x.mul(LOG2E).add(SHIFT);
        DoubleVector k = t.sub(SHIFT);
        DoubleVector hi = x.sub(k.mul(LN2_HI));
        DoubleVector lo = k.mul(LN2_LO);
        DoubleVector r = hi.sub(lo);
        DoubleVector r2 = r.mul(r);
        DoubleVector r4 = r2.mul(r2);
        DoubleVector q = r.mul(C3).add(C2).add(r.mul(C5).add(C4).mul(r2))
                .add(r.mul(C7).add(C6).add(r.mul(C9).add(C8).mul(r2)).add(r.mul(C11).add(C10).mul(r4)).mul(r4));
        LongVector n = t.reinterpretAsLongs();
        LongVector s1 = n.lanewise(LSHR, 1).lanewise(LSHL, 52);
        DoubleVector s2 = n.lanewise(LSHL, 52).sub(s1).reinterpretAsDoubles();
        DoubleVector a = s2.sub(s1.broadcast(TWO_BIASES).sub(s1).reinterpretAsDoubles());
        DoubleVector b = s2.mul(r);
        DoubleVector sum = a.add(b);
        DoubleVector tail = b.sub(sum.sub(a)).add(s2.mul(r2.mul(q).add(hi.sub(r).sub(lo))));
        return sum.add(tail).mul(s1.reinterpretAsDoubles());
    }
}
