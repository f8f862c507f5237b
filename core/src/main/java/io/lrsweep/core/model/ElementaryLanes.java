package io.lrsweep.core.model;

import static io.lrsweep.core.model.Elementary.E10;
import static io.lrsweep.core.model.Elementary.E11;
import static io.lrsweep.core.model.Elementary.E12;
import static io.lrsweep.core.model.Elementary.E13;
import static io.lrsweep.core.model.Elementary.E2;
import static io.lrsweep.core.model.Elementary.E3;
import static io.lrsweep.core.model.Elementary.E4;
import static io.lrsweep.core.model.Elementary.E5;
import static io.lrsweep.core.model.Elementary.E6;
import static io.lrsweep.core.model.Elementary.E7;
import static io.lrsweep.core.model.Elementary.E8;
import static io.lrsweep.core.model.Elementary.E9;
import static io.lrsweep.core.model.Elementary.EXP_MAX_ARG;
import static io.lrsweep.core.model.Elementary.EXP_MIN_ARG;
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
import static io.lrsweep.core.model.Elementary.TANH_MAX_ARG;
import static io.lrsweep.core.model.Elementary.TWO_BIASES;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;

/**
 * {@link Elementary}'s functions on every lane of a {@link DoubleVector} of any species: the same
 * operations in the same order (see {@link Elementary} for the definitions), so each lane is bit
 * for bit what the scalar function returns for it. Straight-line code: no lane is ever tested in
 * a branch, so that C2 keeps every vector in registers (a mask tested in an {@code if}, or two
 * vectors from two branches blended, made it allocate). The clamps are a compare and a blend, which
 * is what {@code Math.min/max} amount to on these arguments (NaN compares false and passes through)
 * and, unlike the Vector API's MIN/MAX, is intrinsified with SSE too.
 *
 * <p>These methods take and return vectors: they must be inlined into the caller's loop, or C2
 * boxes every vector crossing the call. Each is small enough (bytecode under
 * {@code -XX:FreqInlineSize}) to be inlined at a hot call site.
 */
public final class ElementaryLanes {
    private ElementaryLanes() {}

    /** e^x on every lane, as {@link Elementary#exp}. */
    public static DoubleVector exp(DoubleVector x) {
        DoubleVector xc = clamp(x, EXP_MIN_ARG, EXP_MAX_ARG);
        DoubleVector t = xc.mul(LOG2E).add(SHIFT);
        DoubleVector k = t.sub(SHIFT);
        DoubleVector r = xc.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
        DoubleVector e = r.add(expm1Tail(r));
        LongVector n = t.reinterpretAsLongs();
        LongVector s1 = n.lanewise(LSHR, 1).lanewise(LSHL, 52);
        LongVector s2 = n.lanewise(LSHL, 52).sub(s1);
        return e.add(1.0).mul(s1.reinterpretAsDoubles()).mul(s2.reinterpretAsDoubles());
    }

    /** e^x - 1 on every lane, as {@link Elementary#expm1}. */
    public static DoubleVector expm1(DoubleVector x) {
        DoubleVector y = expm1Clamped(clamp(x, EXP_MIN_ARG, EXP_MAX_ARG));
        LongVector sign = x.reinterpretAsLongs().and(SIGN);
        return y.reinterpretAsLongs().or(sign).reinterpretAsDoubles();
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
        a = a.blend(TANH_MAX_ARG, a.compare(GT, TANH_MAX_ARG));
        DoubleVector e = expm1Clamped(a.mul(2.0));
        DoubleVector d = e.add(2.0);
        DoubleVector dv = d.sub(e);
        DoubleVector delta = e.sub(d.sub(dv)).add(DoubleVector.broadcast(x.species(), 2.0).sub(dv));
        DoubleVector q = e.div(d);
        DoubleVector y = q.sub(q.mul(delta).mul(DoubleVector.broadcast(x.species(), 1.0).sub(q).mul(0.5)));
        return y.reinterpretAsLongs().or(bits.and(SIGN)).reinterpretAsDoubles();
    }

    /** The logistic function on every lane, as {@link Elementary#sigmoid}. */
    public static DoubleVector sigmoid(DoubleVector x) {
        DoubleVector one = DoubleVector.broadcast(x.species(), 1.0);
        return one.div(exp(x.neg()).add(1.0));
    }

    /** min(max(x, lo), hi) as two compares and blends; NaN passes through, as in Math.min/max. */
    private static DoubleVector clamp(DoubleVector x, double lo, double hi) {
        DoubleVector above = x.blend(lo, x.compare(LT, lo));
        return above.blend(hi, above.compare(GT, hi));
    }

    /** {@link Elementary}'s expm1Clamped: 2^k (r + H) + (2^k - 1), with r's error and a Fast2Sum. */
    private static DoubleVector expm1Clamped(DoubleVector y) {
        DoubleVector t = y.mul(LOG2E).add(SHIFT);
        DoubleVector k = t.sub(SHIFT);
        DoubleVector hi = y.sub(k.mul(LN2_HI));
        DoubleVector lo = k.mul(LN2_LO);
        DoubleVector r = hi.sub(lo);
        DoubleVector c = hi.sub(r).sub(lo);
        DoubleVector h = expm1Tail(r);
        LongVector n = t.reinterpretAsLongs();
        LongVector s1 = n.lanewise(LSHR, 1).lanewise(LSHL, 52);
        DoubleVector s2 = n.lanewise(LSHL, 52).sub(s1).reinterpretAsDoubles();
        DoubleVector si = LongVector.broadcast(s1.species(), TWO_BIASES).sub(s1).reinterpretAsDoubles();
        DoubleVector a = s2.sub(si);
        DoubleVector b = s2.mul(r);
        DoubleVector sum = a.add(b);
        DoubleVector err = b.sub(sum.sub(a));
        return sum.add(err.add(s2.mul(h.add(c)))).mul(s1.reinterpretAsDoubles());
    }

    /** {@link Elementary#expm1Tail}: H(r) = r^2 Q(r). */
    private static DoubleVector expm1Tail(DoubleVector r) {
        DoubleVector r2 = r.mul(r);
        DoubleVector r4 = r2.mul(r2);
        DoubleVector q0 = r.mul(E3).add(E2).add(r.mul(E5).add(E4).mul(r2));
        DoubleVector q1 = r.mul(E7).add(E6).add(r.mul(E9).add(E8).mul(r2));
        DoubleVector q2 = r.mul(E11).add(E10).add(r.mul(E13).add(E12).mul(r2));
        DoubleVector q = q0.add(q1.add(q2.mul(r4)).mul(r4));
        return r2.mul(q);
    }
}
