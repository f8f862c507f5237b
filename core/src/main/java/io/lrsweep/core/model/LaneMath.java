package io.lrsweep.core.model;

import static io.lrsweep.core.model.Fdlibm.LN2_HI;
import static io.lrsweep.core.model.Fdlibm.LN2_LO;
import static io.lrsweep.core.model.Fdlibm.INV_LN2;
import static io.lrsweep.core.model.Fdlibm.P1;
import static io.lrsweep.core.model.Fdlibm.P2;
import static io.lrsweep.core.model.Fdlibm.P3;
import static io.lrsweep.core.model.Fdlibm.P4;
import static io.lrsweep.core.model.Fdlibm.P5;
import static io.lrsweep.core.model.Fdlibm.LG1;
import static io.lrsweep.core.model.Fdlibm.LG2;
import static io.lrsweep.core.model.Fdlibm.LG3;
import static io.lrsweep.core.model.Fdlibm.LG4;
import static io.lrsweep.core.model.Fdlibm.LG5;
import static io.lrsweep.core.model.Fdlibm.LG6;
import static io.lrsweep.core.model.Fdlibm.LG7;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Fdlibm}'s exp and log over the 4 lanes of a vector, each lane bit for bit what
 * {@link Fdlibm} (hence {@link StrictMath}) returns for it: the same IEEE operations in the same
 * order, fdlibm's branches taken per lane by computing each path and blending. Arguments outside
 * the ranges the softmax meets in practice (exp: |x| >= 706, infinities and NaN; log: anything but
 * a positive normal finite number) go lane by lane through {@link Fdlibm} itself, so every input
 * is handled and the fast path needs no special cases. {@code LaneMathTest} holds both to
 * StrictMath on millions of arguments.
 *
 * <p>Each function runs in two passes over the array, through scratch arrays: argument reduction,
 * then polynomial and reconstruction. One pass holding all of it was too big for C2: past its
 * node budget it stopped intrinsifying the vector operations and boxed every vector, depending on
 * the order in which methods were compiled. Arrays, not vectors, cross every call for the same
 * reason: a vector passed to or returned from a method that is not inlined is boxed.
 */
final class LaneMath {
    static final VectorSpecies<Double> V = DoubleVector.SPECIES_256;
    private static final int W = 4;
    /** Per-lane path codes in {@link #mode}. */
    private static final double EXP_TINY_PATH = 0.0;
    private static final double EXP_NO_REDUCE_PATH = 1.0;
    private static final double EXP_REDUCE_PATH = 2.0;
    private static final double LOG_MAIN_PATH = 0.0;
    private static final double LOG_HFSQ_PATH = 1.0;
    private static final double LOG_SMALL_F_PATH = 2.0;
    /** The lane was computed by the scalar fdlibm in the first pass. */
    private static final double DONE = 3.0;



    /** Scratch per value between the passes: reduced argument (or f), hi, lo, k, path code. */
    private final double[] xr;
    private final double[] hi;
    private final double[] lo;
    private final double[] kd;
    private final double[] mode;

    /** For arrays of up to {@code capacity} values per call. */
    LaneMath(int capacity) {
        int n = (capacity + W - 1) / W * W;
        xr = new double[n];
        hi = new double[n];
        lo = new double[n];
        kd = new double[n];
        mode = new double[n];
    }

    /** {@code a[i] = exp(a[i])} for i in [from, from + n), n a multiple of 4, bit for bit {@link Fdlibm#exp}. */
    void exp(double[] a, int from, int n) {
        checkSize(n);
        expReduce(a, from, n);
        expFinish(a, from, n);
    }

    /** {@code a[i] = log(a[i])} for i in [from, from + n), n a multiple of 4, bit for bit {@link Fdlibm#log}. */
    void log(double[] a, int from, int n) {
        checkSize(n);
        logReduce(a, from, n);
        logFinish(a, from, n);
    }

    private void checkSize(int n) {
        if (n % W != 0 || n > mode.length) {
            throw new IllegalArgumentException(n + " values: a multiple of " + W + " up to " + mode.length + " expected");
        }
    }

    /** exp, first pass: fdlibm's argument reduction x = k ln2 + (hi - lo), and which path each lane takes. */
    private void expReduce(double[] a, int from, int n) {
        for (int i = from, s = 0; i < from + n; i += W, s += W) {
            DoubleVector x = DoubleVector.fromArray(V, a, i);
            DoubleVector ax = x.abs();
            // fdlibm's tests on the high word hx of |x|, as comparisons of |x| with the double
            // whose high word is the bound and low word 0: "hx >= H" is "|x| >= that double".
            if (ax.compare(VectorOperators.GE, EXP_SCALAR_FROM).or(x.compare(VectorOperators.NE, x)).anyTrue()) {
                for (int j = i; j < i + W; j++) {
                    a[j] = Fdlibm.exp(a[j]);
                }
                DoubleVector.broadcast(V, DONE).intoArray(mode, s);
                continue;
            }
            VectorMask<Double> negative = x.compare(VectorOperators.LT, 0.0);
            VectorMask<Double> tiny = ax.compare(VectorOperators.LT, EXP_TINY);      // hx < 0x3e300000
            VectorMask<Double> reduce = ax.compare(VectorOperators.GE, EXP_REDUCE);  // hx > 0x3fd62e42
            VectorMask<Double> near = ax.compare(VectorOperators.LT, EXP_NEAR).and(reduce); // and hx < 0x3FF0A2B2

            // |x| in (0.5 ln2, 1.5 ln2): k = +-1, hi = x -+ LN2_HI, lo = +-LN2_LO.
            DoubleVector hiNear = x.sub(LN2_HI).blend(x.add(LN2_HI), negative);
            DoubleVector loNear = DoubleVector.broadcast(V, LN2_LO).blend(-LN2_LO, negative);
            DoubleVector kNear = DoubleVector.broadcast(V, 1.0).blend(-1.0, negative);
            // Larger |x|: k = (int) (INV_LN2 x +- 0.5), t = k, hi = x - t LN2_HI, lo = t LN2_LO.
            DoubleVector half = DoubleVector.broadcast(V, 0.5).blend(-0.5, negative);
            DoubleVector v = x.mul(INV_LN2).add(half);
            DoubleVector r = v.add(MAGIC).sub(MAGIC); // v rounded to nearest; then toward zero, as (int)
            r = r.blend(r.sub(1.0), r.compare(VectorOperators.GT, v).and(v.compare(VectorOperators.GE, 0.0)));
            DoubleVector tFar = r.blend(r.add(1.0), r.compare(VectorOperators.LT, v).and(v.compare(VectorOperators.LT, 0.0)));
            DoubleVector h = x.sub(tFar.mul(LN2_HI)).blend(hiNear, near);
            DoubleVector l = tFar.mul(LN2_LO).blend(loNear, near);
            h.intoArray(hi, s);
            l.intoArray(lo, s);
            tFar.blend(kNear, near).intoArray(kd, s);
            x.blend(h.sub(l), reduce).intoArray(xr, s);
            DoubleVector.broadcast(V, EXP_NO_REDUCE_PATH).blend(EXP_REDUCE_PATH, reduce).blend(EXP_TINY_PATH, tiny)
                    .intoArray(mode, s);
        }
    }

    /** exp, second pass: the polynomial, then 2^k times the result (or 1 + x for tiny x). */
    private void expFinish(double[] a, int from, int n) {
        for (int i = from, s = 0; i < from + n; i += W, s += W) {
            DoubleVector m = DoubleVector.fromArray(V, mode, s);
            VectorMask<Double> done = m.compare(VectorOperators.EQ, DONE);
            if (done.allTrue()) {
                continue;
            }
            DoubleVector x = DoubleVector.fromArray(V, a, i);
            DoubleVector r = DoubleVector.fromArray(V, xr, s);
            DoubleVector t = r.mul(r);
            DoubleVector c = r.sub(t.mul(t.mul(t.mul(t.mul(t.mul(P5).add(P4)).add(P3)).add(P2)).add(P1)));
            // One division serves both branches: (x c) / (c - 2) is exactly -((x c) / (2 - c)), as
            // IEEE division and subtraction are symmetric in sign.
            DoubleVector q = r.mul(c).div(DoubleVector.broadcast(V, 2.0).sub(c));
            // k == 0: 1 - ((x c) / (c - 2) - x)
            DoubleVector noReduce = DoubleVector.broadcast(V, 1.0).sub(q.neg().sub(r));
            // k != 0: y = 1 - ((lo - (x c) / (2 - c)) - hi), then 2^k y by adding k to the exponent
            // (|x| < 706 keeps k >= -1019: fdlibm's subnormal branch never applies here).
            DoubleVector y = DoubleVector.broadcast(V, 1.0)
                    .sub(DoubleVector.fromArray(V, lo, s).sub(q).sub(DoubleVector.fromArray(V, hi, s)));
            LongVector k = DoubleVector.fromArray(V, kd, s).add(MAGIC).reinterpretAsLongs().sub(MAGIC_BITS);
            DoubleVector scaled = y.reinterpretAsLongs().add(k.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            noReduce.blend(scaled, m.compare(VectorOperators.EQ, EXP_REDUCE_PATH))
                    .blend(x.add(1.0), m.compare(VectorOperators.EQ, EXP_TINY_PATH))
                    .blend(x, done)
                    .intoArray(a, i);
        }
    }

    /** log, first pass: x = 2^k (1 + f) with 1 + f in [sqrt(2)/2, sqrt(2)), and each lane's path. */
    private void logReduce(double[] a, int from, int n) {
        for (int i = from, s = 0; i < from + n; i += W, s += W) {
            DoubleVector x = DoubleVector.fromArray(V, a, i);
            // Zero, negative, subnormal, infinite or NaN: the scalar path.
            if (x.compare(VectorOperators.LT, Double.MIN_NORMAL).or(x.compare(VectorOperators.GE, Double.POSITIVE_INFINITY))
                    .or(x.compare(VectorOperators.NE, x)).anyTrue()) {
                for (int j = i; j < i + W; j++) {
                    a[j] = Fdlibm.log(a[j]);
                }
                DoubleVector.broadcast(V, DONE).intoArray(mode, s);
                continue;
            }
            LongVector bits = x.reinterpretAsLongs();
            // xm = 1.m, x's mantissa under exponent 0; fdlibm's tests on m, the high 20 bits of the
            // mantissa, become comparisons of xm with the double whose high word is 0x3ff00000 | bound.
            DoubleVector xm = bits.and(0x000f_ffff_ffff_ffffL).or(0x3ff0_0000_0000_0000L).reinterpretAsDoubles();
            VectorMask<Double> iSet = xm.compare(VectorOperators.GE, LOG_HALVE);          // m + 0x95f64 >= 0x100000
            DoubleVector xn = xm.blend(xm.mul(0.5), iSet);                                // into [sqrt(2)/2, sqrt(2))
            DoubleVector dk = bits.lanewise(VectorOperators.ASHR, 52).add(MAGIC_BITS).reinterpretAsDoubles().sub(MAGIC)
                    .sub(1023.0);
            dk.blend(dk.add(1.0), iSet).intoArray(kd, s);
            xn.sub(1.0).intoArray(xr, s);
            // |f| < 2^-20: (0x000fffff & (2 + m)) < 3; else (m - 0x6147a) | (0x6b851 - m) > 0: m in [0x6147a, 0x6b851]
            VectorMask<Double> smallF = xm.compare(VectorOperators.LT, LOG_SMALL_LOW).or(xm.compare(VectorOperators.GE, LOG_SMALL_HIGH));
            VectorMask<Double> bigF = xm.compare(VectorOperators.GE, LOG_BIG_LOW).and(xm.compare(VectorOperators.LT, LOG_BIG_HIGH));
            DoubleVector.broadcast(V, LOG_MAIN_PATH).blend(LOG_HFSQ_PATH, bigF).blend(LOG_SMALL_F_PATH, smallF)
                    .intoArray(mode, s);
        }
    }

    /** log, second pass: fdlibm's polynomial in s = f / (2 + f), or its short forms for tiny f. */
    private void logFinish(double[] a, int from, int n) {
        for (int i = from, s0 = 0; i < from + n; i += W, s0 += W) {
            DoubleVector m = DoubleVector.fromArray(V, mode, s0);
            VectorMask<Double> done = m.compare(VectorOperators.EQ, DONE);
            if (done.allTrue()) {
                continue;
            }
            DoubleVector f = DoubleVector.fromArray(V, xr, s0);
            DoubleVector dk = DoubleVector.fromArray(V, kd, s0);
            VectorMask<Double> kZero = dk.compare(VectorOperators.EQ, 0.0);
            DoubleVector zeroF = dk.mul(LN2_HI).add(dk.mul(LN2_LO)).blend(0.0, kZero);
            DoubleVector rs = f.mul(f).mul(DoubleVector.broadcast(V, 0.5).sub(f.mul(0.33333333333333333)));
            DoubleVector smallResult = dk.mul(LN2_HI).sub(rs.sub(dk.mul(LN2_LO)).sub(f)).blend(f.sub(rs), kZero)
                    .blend(zeroF, f.compare(VectorOperators.EQ, 0.0));

            DoubleVector s = f.div(f.add(2.0));
            DoubleVector z = s.mul(s);
            DoubleVector w = z.mul(z);
            DoubleVector t1 = w.mul(w.mul(w.mul(LG6).add(LG4)).add(LG2));
            DoubleVector t2 = z.mul(w.mul(w.mul(w.mul(LG7).add(LG5)).add(LG3)).add(LG1));
            DoubleVector r = t2.add(t1);
            DoubleVector hfsq = f.mul(0.5).mul(f);
            DoubleVector withHfsq = dk.mul(LN2_HI).sub(hfsq.sub(s.mul(hfsq.add(r)).add(dk.mul(LN2_LO))).sub(f))
                    .blend(f.sub(hfsq.sub(s.mul(hfsq.add(r)))), kZero);
            DoubleVector withoutHfsq = dk.mul(LN2_HI).sub(s.mul(f.sub(r)).sub(dk.mul(LN2_LO)).sub(f))
                    .blend(f.sub(s.mul(f.sub(r))), kZero);
            withoutHfsq.blend(withHfsq, m.compare(VectorOperators.EQ, LOG_HFSQ_PATH))
                    .blend(smallResult, m.compare(VectorOperators.EQ, LOG_SMALL_F_PATH))
                    .blend(DoubleVector.fromArray(V, a, i), done)
                    .intoArray(a, i);
        }
    }

    /** The double whose high word is {@code high} and low word 0. */
    private static double highWord(long high) {
        return Double.longBitsToDouble(high << 32);
    }

    private static final double EXP_SCALAR_FROM = highWord(0x40861000L); // 706.0
    private static final double EXP_TINY = highWord(0x3e300000L);
    private static final double EXP_REDUCE = highWord(0x3fd62e43L);
    private static final double EXP_NEAR = highWord(0x3FF0A2B2L);
    private static final double LOG_HALVE = highWord(0x3ff6a09cL);
    private static final double LOG_SMALL_LOW = highWord(0x3ff00003L);
    private static final double LOG_SMALL_HIGH = highWord(0x3ffffffeL);
    private static final double LOG_BIG_LOW = highWord(0x3ff6147aL);
    private static final double LOG_BIG_HIGH = highWord(0x3ff6b852L);
    /**
     * Small integers cross between doubles and longs through the bits of MAGIC + n, which hold n
     * in their low mantissa bits (exact for |n| < 2^51): AVX2 has no packed conversion between
     * doubles and 64-bit integers, and the Vector API's fallback for it is slow Java code.
     */
    private static final double MAGIC = 0x1.8p52;
    private static final long MAGIC_BITS = Double.doubleToRawLongBits(MAGIC);

}
