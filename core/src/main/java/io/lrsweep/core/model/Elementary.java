package io.lrsweep.core.model;

/**
 * exp, expm1, log, tanh and sigmoid, each defined as one fixed sequence of IEEE double
 * operations, so that its result is the same bits on every JVM and CPU. {@link ElementaryLanes}
 * computes the same sequence on every lane of a vector of any width; {@code ElementaryLanesTest}
 * and {@code ElementaryJvmFlagsTest} hold the two to each other bit for bit.
 *
 * <p>The only operations used are {@code + - * /}, each rounded to nearest (never fused: there
 * is no {@code Math.fma}, and Java never contracts {@code a * b + c}), comparisons that pick one of
 * two values (a clamp; NaN never compares, so it passes through), and exact operations on the
 * 64 bits of a double ({@code &}, {@code |}, {@code +}, {@code -}, {@code <<}, {@code >>>} on
 * longs). Integers cross between doubles and longs only by the bits of {@code t = v + SHIFT}: for
 * an integral v, |v| < 2^51, the low bits of {@code t} hold v. These all map to SSE2/AVX2/AVX-512
 * lane operations, which is why there is no long-to-double conversion and no arithmetic right
 * shift of longs. Operations are written in evaluation order: {@code a - b * c} rounds
 * {@code b * c}, then subtracts.
 *
 * <h2>Constants (exact bits)</h2>
 * <pre>
 * LOG2E   = 0x1.71547652b82fep0     (0x3ff71547652b82fe, 1/ln 2 rounded; fdlibm's invln2)
 * LN2_HI  = 0x1.62e42feep-1         (0x3fe62e42fee00000, fdlibm's ln2_hi: 32 significant bits,
 *                                    so k * LN2_HI is exact for |k| < 2^21)
 * LN2_LO  = 0x1.a39ef35793c76p-33   (0x3dea39ef35793c76, fdlibm's ln2_lo: ln 2 - LN2_HI rounded)
 * SHIFT   = 0x1.80000000007fep52    (0x43380000000007fe = 1.5 * 2^52 + 2046)
 * E2..E13 = 1/i! rounded to nearest, i = 2..13 (i! is exact in a double):
 *   E2  = 0x1.0p-1               E3  = 0x1.5555555555555p-3   E4  = 0x1.5555555555555p-5
 *   E5  = 0x1.1111111111111p-7   E6  = 0x1.6c16c16c16c17p-10  E7  = 0x1.a01a01a01a01ap-13
 *   E8  = 0x1.a01a01a01a01ap-16  E9  = 0x1.71de3a556c734p-19  E10 = 0x1.27e4fb7789f5cp-22
 *   E11 = 0x1.ae64567f544e4p-26  E12 = 0x1.1eed8eff8d898p-29  E13 = 0x1.6124613a86d09p-33
 * LG1..LG7: fdlibm e_log.c's Lg1..Lg7 (bits 0x3fe5555555555593, 0x3fd999999997fa04,
 *   0x3fd2492494229359, 0x3fcc71c51d8e78af, 0x3fc7466496cb03de, 0x3fc39a09d078c69f,
 *   0x3fc2f112df3e5244)
 * SQRT_HALF_BITS = 0x3fe6a09e667f3bcd  (sqrt(1/2) rounded)
 * </pre>
 *
 * <h2>Shared reduction: x = k ln 2 + r, |r| &lt;= ~0.3466</h2>
 * <pre>
 * xc = min(max(x, -746), 710)            Math.min/max; NaN stays NaN, -0 stays -0
 * t  = xc * LOG2E + SHIFT                rounds xc / ln 2 to the nearest integer k, held in t's bits
 * k  = t - SHIFT                         exact; k in [-1076, 1024]
 * r  = (xc - k * LN2_HI) - k * LN2_LO    the first product and difference are exact
 * r2 = r * r,  r4 = r2 * r2
 * Q  = (E2 + E3*r  + (E4 + E5*r)*r2)                       Taylor series of (e^r - 1 - r) / r^2
 *    + ((E6 + E7*r + (E8 + E9*r)*r2)
 *    + (E10 + E11*r + (E12 + E13*r)*r2) * r4) * r4         (so e^r ~ 1 + r + ... + r^13 / 13!)
 *    where each "a + b*r" is a + (b * r), and "u + v*r2" is u + (v * r2)
 * E  = r + r2 * Q                        e^r - 1
 * n  = bits(t) (a long; = bits(SHIFT) + k)
 * S1 = double with bits (n >>> 1) << 52              2^k1, k1 = floor(k / 2)
 * S2 = double with bits (n << 52) - bits(S1)         2^k2, k2 = k - k1
 * SI = double with bits (2046L << 52) - bits(S1)     2^-k1
 * </pre>
 * k1 and k2 lie in [-538, 512], so S1, S2 and SI are normal powers of two and multiplying by them
 * is exact unless the product overflows or is subnormal.
 *
 * <h2>The functions</h2>
 * <pre>
 * exp(x)     = ((1 + E) * S1) * S2
 * expm1(x)   = y with x's sign bit or-ed in (only changes expm1(-0) from +0 to -0), where
 *              y = ((S2 * E) - (SI - S2)) * S1       (that is 2^k E + (2^k - 1), rounded once)
 * log(x)     = dk * LN2_HI - ((hfsq - (s * (hfsq + R) + dk * LN2_LO)) - f) + (x - x)
 *              with, on the long bits b of x:
 *                u    = b - (SQRT_HALF_BITS - (1024L << 52))
 *                m    = double with bits (u &amp; 0x000fffffffffffffL) + SQRT_HALF_BITS
 *                       (x = 2^j m, m in [sqrt(1/2), sqrt(2)))
 *                dk   = (double with bits (u >>> 52) + bits(SHIFT)) - (SHIFT + 1024)  (= j, exact)
 *                f = m - 1,  s = f / (2 + f),  z = s * s,  w = z * z
 *                R    = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)))
 *                     + w * (LG2 + w * (LG4 + w * LG6))
 *                hfsq = 0.5 * f * f       (that is (0.5 * f) * f)
 *              (fdlibm e_log.c's general formula, without its special cases)
 * tanh(x)    = q with x's sign bit or-ed in, where
 *              a = min(|x|, 22)   (|x| by clearing the sign bit; tanh(22) rounds to 1)
 *              e = expm1(2 * a) >= 0,  q = e / (e + 2)
 * sigmoid(x) = 1 / (1 + exp(-x))
 * </pre>
 *
 * <p>Domains. exp, expm1, tanh and sigmoid take every double: exp(+inf) = +inf, exp(-inf) = +0,
 * exp overflows to +inf past ~709.78 and underflows gradually to +0 below ~-745.13 (its subnormal
 * results are rounded twice: once in 1 + E, once in the last product). expm1(-inf) = -1,
 * tanh(+-inf) = +-1, tanh(+-0) = +-0, sigmoid(-inf) = +0, sigmoid(+inf) = 1 (sigmoid(x) is +0
 * already for x &lt; ~-709.78, where exp(-x) overflows). NaN gives NaN everywhere (which NaN is not
 * defined). log is defined on positive normal finite x; NaN gives NaN, +inf gives NaN, and zero,
 * subnormal and negative arguments give an unspecified (but still deterministic) value.
 *
 * <p>Accuracy against {@link StrictMath}, measured by {@code ElementaryAccuracyTest}: see the
 * bounds asserted there (exp, expm1 and log within 1 ulp, tanh and sigmoid within 2).
 */
public final class Elementary {
    static final double LOG2E = 0x1.71547652b82fep0;
    static final double LN2_HI = 0x1.62e42feep-1;
    static final double LN2_LO = 0x1.a39ef35793c76p-33;
    /** 1.5 * 2^52 + 2046: adding it rounds to an integer; 2046 puts the exponent biases in n. */
    static final double SHIFT = 0x1.80000000007fep52;
    static final double EXP_MIN_ARG = -746.0;
    static final double EXP_MAX_ARG = 710.0;
    static final long TWO_BIASES = 2046L << 52;
    static final long SIGN = 0x8000_0000_0000_0000L;

    static final double E2 = 0x1.0p-1;
    static final double E3 = 0x1.5555555555555p-3;
    static final double E4 = 0x1.5555555555555p-5;
    static final double E5 = 0x1.1111111111111p-7;
    static final double E6 = 0x1.6c16c16c16c17p-10;
    static final double E7 = 0x1.a01a01a01a01ap-13;
    static final double E8 = 0x1.a01a01a01a01ap-16;
    static final double E9 = 0x1.71de3a556c734p-19;
    static final double E10 = 0x1.27e4fb7789f5cp-22;
    static final double E11 = 0x1.ae64567f544e4p-26;
    static final double E12 = 0x1.1eed8eff8d898p-29;
    static final double E13 = 0x1.6124613a86d09p-33;

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

    static final double TANH_MAX_ARG = 22.0;

    private Elementary() {}

    /** e^x. */
    public static double exp(double x) {
        double xc = Math.min(Math.max(x, EXP_MIN_ARG), EXP_MAX_ARG);
        double t = xc * LOG2E + SHIFT;
        double k = t - SHIFT;
        double r = (xc - k * LN2_HI) - k * LN2_LO;
        double e = r + expm1Tail(r);
        long n = Double.doubleToRawLongBits(t);
        long s1 = (n >>> 1) << 52;
        long s2 = (n << 52) - s1;
        return ((1.0 + e) * Double.longBitsToDouble(s1)) * Double.longBitsToDouble(s2);
    }

    /** e^x - 1, accurate near 0. */
    public static double expm1(double x) {
        double y = expm1Clamped(Math.min(Math.max(x, EXP_MIN_ARG), EXP_MAX_ARG));
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
        double a = Math.min(Double.longBitsToDouble(Double.doubleToRawLongBits(x) & ~SIGN), TANH_MAX_ARG);
        double e = expm1Clamped(2.0 * a);
        double d = e + 2.0;
        double dv = d - e;
        double delta = (e - (d - dv)) + (2.0 - dv);
        double q = e / d;
        double y = q - (q * delta) * ((1.0 - q) * 0.5);
        return Double.longBitsToDouble(Double.doubleToRawLongBits(y) | sign);
    }

    /** The logistic function 1 / (1 + e^-x). */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + exp(-x));
    }

    /**
     * expm1 without the clamp and the sign fix, for y in [-746, 710] or NaN: 2^k (r + H) + (2^k - 1)
     * with the rounding error c of r carried along, and the sum of the two large terms
     * A = (2^k - 1) / 2^k1 and B = 2^k r / 2^k1 taken with its exact error (Fast2Sum, |A| >= |B|),
     * so that their cancellation (k = 1, r < 0) does not magnify earlier roundings.
     */
    private static double expm1Clamped(double y) {
        double t = y * LOG2E + SHIFT;
        double k = t - SHIFT;
        double hi = y - k * LN2_HI;
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

    /** H(r) = r^2 Q(r) = e^r - 1 - r, Q evaluated in the order documented above. */
    static double expm1Tail(double r) {
        double r2 = r * r;
        double r4 = r2 * r2;
        double q0 = (E2 + E3 * r) + (E4 + E5 * r) * r2;
        double q1 = (E6 + E7 * r) + (E8 + E9 * r) * r2;
        double q2 = (E10 + E11 * r) + (E12 + E13 * r) * r2;
        double q = q0 + (q1 + q2 * r4) * r4;
        return r2 * q;
    }
}
