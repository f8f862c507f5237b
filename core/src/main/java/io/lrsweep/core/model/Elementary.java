package io.lrsweep.core.model;

/**
 * exp, expm1, log, tanh and sigmoid, each defined as one fixed sequence of IEEE double
 * operations, so that its result is the same bits on every JVM and CPU. {@link ElementaryLanes}
 * computes the same sequence on every lane of a vector of any width; {@code ElementaryLanesTest}
 * and {@code ElementaryJvmFlagsTest} hold the two to each other bit for bit.
 *
 * <p>The only operations used are {@code + - * /}, each rounded to nearest (never fused: there
 * is no {@code Math.fma}, and Java never contracts {@code a * b + c}), exact operations on the 64
 * bits of a double ({@code &}, {@code |}, {@code +}, {@code -}, {@code <<}, {@code >>>} on longs),
 * and the choice of a limit for large arguments ("|x| > 746 ? limit : formula", false for NaN: a
 * comparison here, an equivalent integer mask on the lanes). Integers cross between doubles and
 * longs only through the bits of {@code t = v + SHIFT}: for an integral v, |v| < 2^51, the low bits
 * of {@code t} hold v. All of these are SSE2/AVX2/AVX-512 lane operations, which is why there is no
 * long-double conversion and no arithmetic shift of longs.
 * Everything is written in evaluation order: {@code a - b * c} rounds {@code b * c}, then
 * subtracts; {@code a + b + c} is {@code (a + b) + c}. Helper values are named as in the code.
 *
 * <h2>Constants (exact bits)</h2>
 * <pre>
 * LOG2E   = 0x1.71547652b82fep0     (0x3ff71547652b82fe, 1/ln 2 rounded; fdlibm's invln2)
 * LN2_HI  = 0x1.62e42feep-1         (0x3fe62e42fee00000, fdlibm's ln2_hi: 32 significant bits,
 *                                    so k * LN2_HI is exact for |k| < 2^21)
 * LN2_LO  = 0x1.a39ef35793c76p-33   (0x3dea39ef35793c76, fdlibm's ln2_lo, ln 2 - LN2_HI rounded)
 * SHIFT   = 0x1.80000000007fep52    (0x43380000000007fe = 1.5 * 2^52 + 2046)
 * C2..C11 = minimax coefficients of (e^r - 1 - r) / r^2 on |r| <= 0.34658, minimising the
 *           relative error of 1 + r + r^2 Q(r) (Remez, 200-bit arithmetic, then rounded to
 *           nearest; approximation error 2^-56.3 relative, ~0.1 ulp):
 *   C2  = 0x1.000000000000ap-1  (0x3fe000000000000a)   C3  = 0x1.55555555554fap-3  (0x3fc55555555554fa)
 *   C4  = 0x1.5555555550889p-5  (0x3fa5555555550889)   C5  = 0x1.1111111127ba9p-7  (0x3f81111111127ba9)
 *   C6  = 0x1.6c16c18427181p-10 (0x3f56c16c18427181)   C7  = 0x1.a01a012a66765p-13 (0x3f2a01a012a66765)
 *   C8  = 0x1.a0199a14f5a79p-16 (0x3efa0199a14f5a79)   C9  = 0x1.71df253e81428p-19 (0x3ec71df253e81428)
 *   C10 = 0x1.28ad6a806d21ap-22 (0x3e928ad6a806d21a)   C11 = 0x1.ad7f78d6ccaabp-26 (0x3e5ad7f78d6ccaab)
 * LG1..LG7 = fdlibm e_log.c's Lg1..Lg7: 0x3fe5555555555593, 0x3fd999999997fa04,
 *   0x3fd2492494229359, 0x3fcc71c51d8e78af, 0x3fc7466496cb03de, 0x3fc39a09d078c69f,
 *   0x3fc2f112df3e5244
 * SQRT_HALF_BITS = 0x3fe6a09e667f3bcd  (sqrt(1/2) rounded)
 * </pre>
 *
 * <h2>Reduction shared by exp and expm1: x = k ln 2 + r, |r| &lt;= ~0.3466</h2>
 * <pre>
 * t  = x * LOG2E + SHIFT                 rounds x / ln 2 to the nearest integer k, kept in t's bits
 * k  = t - SHIFT                         exact
 * hi = x - k * LN2_HI                    exact (for |x| &lt;= 746, where the result is used)
 * lo = k * LN2_LO
 * r  = hi - lo
 * r2 = r * r,  r4 = r2 * r2
 * Q  = (C2 + C3*r + (C4 + C5*r)*r2) + ((C6 + C7*r + (C8 + C9*r)*r2) + (C10 + C11*r)*r4)*r4
 *      (each "a + b*r" is a + (b * r); Estrin's scheme: short dependency chains)
 * H  = r2 * Q                            e^r - 1 - r
 * n  = bits(t) as a long                 = bits(SHIFT) + k
 * S1 = double with bits (n >>> 1) << 52          2^k1, k1 = floor(k / 2)
 * S2 = double with bits (n << 52) - bits(S1)     2^k2, k2 = k - k1
 * SI = double with bits (2046L << 52) - bits(S1) 2^-k1
 * </pre>
 * For |x| &lt;= 746, k1 and k2 lie in [-538, 538], so S1, S2 and SI are normal powers of two and
 * multiplying by them is exact unless the product overflows or is subnormal. Larger |x| (and
 * infinities) give meaningless intermediate values, which the functions replace at the end.
 *
 * <h2>The functions</h2>
 * <pre>
 * exp(x)     = |x| > 746 ? (x > 0 ? +inf : +0)
 *                        : ((1 + (r + H)) * S1) * S2
 * expm1(x)   = |x| > 746 ? (x > 0 ? +inf : -1)
 *                        : y with x's sign bit or-ed in (turns expm1(-0) into -0), where
 *              c   = (hi - r) - lo        the rounding error of r
 *              a   = S2 - SI,  b = S2 * r,  sum = a + b,  err = b - (sum - a)
 *              y   = (sum + (err + S2 * (H + c))) * S1
 *              (2^k (r + H + c) + 2^k - 1, with a + b summed exactly by Fast2Sum since |a| >= |b|:
 *              their cancellation at k = 1, r &lt; 0 then costs no accuracy)
 * log(x)     = dk * LN2_HI - ((hfsq - (s * (hfsq + R) + dk * LN2_LO)) - f) + (x - x)
 *              with, on the long bits b of x:
 *                u    = b - (SQRT_HALF_BITS - (1024L << 52))
 *                m    = double with bits (u &amp; 0x000fffffffffffffL) + SQRT_HALF_BITS
 *                       (x = 2^j m, m in [sqrt(1/2), sqrt(2)))
 *                dk   = (double with bits (u >>> 52) + bits(SHIFT)) - (SHIFT + 1024)  (= j, exact)
 *                f = m - 1,  s = f / (2 + f),  z = s * s,  w = z * z
 *                R    = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)))
 *                     + w * (LG2 + w * (LG4 + w * LG6))
 *                hfsq = 0.5 * f * f
 *              (fdlibm e_log.c's general formula, without its special cases)
 * tanh(x)    = q with x's sign bit or-ed in, where a = |x| (sign bit cleared) and
 *              q  = a > 22 ? 1 : q0 - (q0 * delta) * ((1 - q0) * 0.5),  with
 *              e  = expm1's y for 2 * a (no sign fix needed: 2a >= +0),  d = e + 2,
 *              dv = d - e,  delta = (e - (d - dv)) + (2 - dv)   (d + delta = e + 2 exactly: TwoSum)
 *              q0 = e / d
 *              (e / (e + 2) = q0 (1 - delta / d), and 1 / d ~ (1 - q0) / 2: the correction removes
 *              the rounding of d, which alone cost up to 1 ulp)
 * sigmoid(x) = 1 / (1 + exp(-x))
 * </pre>
 *
 * <p>Domains. exp, expm1, tanh and sigmoid take every double: exp(+inf) = +inf, exp(-inf) = +0,
 * exp overflows to +inf past ~709.78 and underflows gradually to +0 below ~-708.4 (its subnormal
 * results are rounded twice: in 1 + (r + H), then in the last product). expm1(-inf) = -1,
 * tanh(+-inf) = +-1, tanh(+-0) = +-0, sigmoid(-inf) = +0, sigmoid(+inf) = 1 (sigmoid(x) is +0
 * already for x &lt; ~-709.78, where exp(-x) overflows). NaN gives NaN everywhere (which NaN is not
 * defined). log is defined on positive normal finite x; NaN gives NaN, +inf gives NaN, and zero,
 * subnormal and negative arguments give an unspecified (but still deterministic) value.
 *
 * <p>Accuracy, as asserted by {@code ElementaryAccuracyTest} against 40-digit references: exp and
 * log within 1 ulp, expm1 within 1.1 ulp (1.03 where k > 53 and 2^k - 1 is rounded), tanh within
 * 2 ulp (also for tiny |x|), sigmoid within 2.5 ulp.
 */
public final class Elementary {
    static final double LOG2E = 0x1.71547652b82fep0;
    static final double LN2_HI = 0x1.62e42feep-1;
    static final double LN2_LO = 0x1.a39ef35793c76p-33;
    /** 1.5 * 2^52 + 2046: adding it rounds to an integer; 2046 puts two exponent biases in n. */
    static final double SHIFT = 0x1.80000000007fep52;
    /** Beyond |x| = 746, exp and expm1 are their limits (exp(746) overflows, exp(-746) is 0). */
    static final double EXP_LIMIT_ARG = 746.0;
    static final long TWO_BIASES = 2046L << 52;
    static final long SIGN = 0x8000_0000_0000_0000L;
    static final long INF_BITS = 0x7ff0_0000_0000_0000L;

    static final double C2 = 0x1.000000000000ap-1;
    static final double C3 = 0x1.55555555554fap-3;
    static final double C4 = 0x1.5555555550889p-5;
    static final double C5 = 0x1.1111111127ba9p-7;
    static final double C6 = 0x1.6c16c18427181p-10;
    static final double C7 = 0x1.a01a012a66765p-13;
    static final double C8 = 0x1.a0199a14f5a79p-16;
    static final double C9 = 0x1.71df253e81428p-19;
    static final double C10 = 0x1.28ad6a806d21ap-22;
    static final double C11 = 0x1.ad7f78d6ccaabp-26;

    static final double LG1 = 0x1.5555555555593p-1;
    static final double LG2 = 0x1.999999997fa04p-2;
    static final double LG3 = 0x1.2492494229359p-2;
    static final double LG4 = 0x1.c71c51d8e78afp-3;
    static final double LG5 = 0x1.7466496cb03dep-3;
    static final double LG6 = 0x1.39a09d078c69fp-3;
    static final double LG7 = 0x1.2f112df3e5244p-3;
    static final long SQRT_HALF_BITS = 0x3fe6a09e667f3bcdL;
    /** Subtracting it leaves j + 1024 (never negative) in the top 12 bits, and m's bits below. */
    static final long LOG_OFFSET = SQRT_HALF_BITS - (1024L << 52);
    static final long MANTISSA = 0x000f_ffff_ffff_ffffL;
    static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    /** SHIFT + 1024, exact: subtracting it from SHIFT + (j + 1024) gives j. */
    static final double SHIFT_PLUS_1024 = SHIFT + 1024.0;

    /** tanh(x) rounds to +-1 for |x| > ~19.06. */
    static final double TANH_LIMIT_ARG = 22.0;

    private Elementary() {}

    /** e^x. */
    public static double exp(double x) {
        if (Math.abs(x) > EXP_LIMIT_ARG) {
            return x > 0 ? Double.POSITIVE_INFINITY : 0.0;
        }
        double t = x * LOG2E + SHIFT;
        double k = t - SHIFT;
        double r = (x - k * LN2_HI) - k * LN2_LO;
        double h = expm1Tail(r);
        long n = Double.doubleToRawLongBits(t);
        long s1 = (n >>> 1) << 52;
        long s2 = (n << 52) - s1;
        return ((1.0 + (r + h)) * Double.longBitsToDouble(s1)) * Double.longBitsToDouble(s2);
    }

    /** e^x - 1, accurate near 0. */
    public static double expm1(double x) {
        if (Math.abs(x) > EXP_LIMIT_ARG) {
            return x > 0 ? Double.POSITIVE_INFINITY : -1.0;
        }
        double y = expm1Core(x);
        return Double.longBitsToDouble(Double.doubleToRawLongBits(y) | (Double.doubleToRawLongBits(x) & SIGN));
    }

    /** The natural logarithm of a positive normal finite x (NaN for NaN and +inf). */
    public static double log(double x) {
        long u = Double.doubleToRawLongBits(x) - LOG_OFFSET;
        double m = Double.longBitsToDouble((u & MANTISSA) + SQRT_HALF_BITS);
        double dk = Double.longBitsToDouble((u >>> 52) + SHIFT_BITS) - SHIFT_PLUS_1024;
        double f = m - 1.0;
        double s = f / (2.0 + f);
        double z = s * s;
        double w = z * z;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        double rr = t2 + t1;
        double hfsq = 0.5 * f * f;
        return dk * LN2_HI - ((hfsq - (s * (hfsq + rr) + dk * LN2_LO)) - f) + (x - x);
    }

    /** The hyperbolic tangent. */
    public static double tanh(double x) {
        long sign = Double.doubleToRawLongBits(x) & SIGN;
        double a = Double.longBitsToDouble(Double.doubleToRawLongBits(x) & ~SIGN);
        double q = 1.0;
        if (!(a > TANH_LIMIT_ARG)) {
            double e = expm1Core(2.0 * a);
            double d = e + 2.0;
            double dv = d - e;
            double delta = (e - (d - dv)) + (2.0 - dv);
            double q0 = e / d;
            q = q0 - (q0 * delta) * ((1.0 - q0) * 0.5);
        }
        return Double.longBitsToDouble(Double.doubleToRawLongBits(q) | sign);
    }

    /** The logistic function 1 / (1 + e^-x). */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + exp(-x));
    }

    /** expm1's y (no limits, no sign fix), for |x| <= 746 or NaN. */
    private static double expm1Core(double x) {
        double t = x * LOG2E + SHIFT;
        double k = t - SHIFT;
        double hi = x - k * LN2_HI;
        double lo = k * LN2_LO;
        double r = hi - lo;
        double c = (hi - r) - lo;
        double h = expm1Tail(r);
        long n = Double.doubleToRawLongBits(t);
        long s1 = (n >>> 1) << 52;
        double s2 = Double.longBitsToDouble((n << 52) - s1);
        double si = Double.longBitsToDouble(TWO_BIASES - s1);
        double a = s2 - si;
        double b = s2 * r;
        double sum = a + b;
        double err = b - (sum - a);
        return (sum + (err + s2 * (h + c))) * Double.longBitsToDouble(s1);
    }

    /** H = r^2 Q(r) ~ e^r - 1 - r for |r| <= 0.34658, Q by Estrin's scheme as documented. */
    static double expm1Tail(double r) {
        double r2 = r * r;
        double r4 = r2 * r2;
        double q0 = (C2 + C3 * r) + (C4 + C5 * r) * r2;
        double q1 = (C6 + C7 * r) + (C8 + C9 * r) * r2;
        double q2 = C10 + C11 * r;
        double q = q0 + (q1 + q2 * r4) * r4;
        return r2 * q;
    }
}
