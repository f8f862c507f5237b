package io.lrsweep.core.model;

/**
 * {@code exp} and {@code log} of fdlibm 5.3 ({@code e_exp.c}, {@code e_log.c}) in plain Java, giving
 * the same bits as {@link StrictMath#exp} and {@link StrictMath#log}, which the Java
 * specification defines as fdlibm's results.
 *
 * <p>Why not call StrictMath: on Java 17 both are JNI calls into the JDK's C fdlibm, and the
 * kernel makes three of them per row, 600,000 per reference trial; the crossing costs more than
 * the arithmetic. Written in Java they inline into the softmax loop. Why not {@link Math}: its
 * intrinsics may differ between JVMs and CPUs, and a trial's bits must not. Every operation below
 * is an IEEE double operation, which Java evaluates identically everywhere. {@code FdlibmTest}
 * checks these against StrictMath bit for bit.
 *
 * <p>fdlibm is Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at
 * SunSoft, a Sun Microsystems, Inc. business. Permission to use, copy, modify, and distribute
 * this software is freely granted, provided that this notice is preserved.
 */
public final class Fdlibm {
    // fdlibm's constants; LaneMath (the same functions over vector lanes) uses them too.
    private static final double HUGE = 1.0e+300;
    private static final double TWO_M1000 = 0x1.0p-1000;
    private static final double O_THRESHOLD = 7.09782712893383973096e+02;
    private static final double U_THRESHOLD = -7.45133219101941108420e+02;
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    static final double INV_LN2 = 1.44269504088896338700e+00;
    static final double P1 = 1.66666666666666019037e-01;
    static final double P2 = -2.77777777770155933842e-03;
    static final double P3 = 6.61375632143793436117e-05;
    static final double P4 = -1.65339022054652515390e-06;
    static final double P5 = 4.13813679705723846039e-08;

    private static final double TWO54 = 0x1.0p54;
    static final double LG1 = 6.666666666666735130e-01;
    static final double LG2 = 3.999999999940941908e-01;
    static final double LG3 = 2.857142874366239149e-01;
    static final double LG4 = 2.222219843214978396e-01;
    static final double LG5 = 1.818357216161805012e-01;
    static final double LG6 = 1.531383769920937332e-01;
    static final double LG7 = 1.479819860511658591e-01;

    private Fdlibm() {}

    /** e^x, bit for bit {@link StrictMath#exp}. */
    public static double exp(double x) {
        int hx = highWord(x);
        boolean negative = hx < 0;
        hx &= 0x7fffffff;
        if (hx >= 0x40862E42) { // |x| >= 709.78...: overflow, underflow, inf or NaN
            if (hx >= 0x7ff00000) {
                if (Double.isNaN(x)) {
                    return x + x;
                }
                return negative ? 0.0 : x;
            }
            if (x > O_THRESHOLD) {
                return Double.POSITIVE_INFINITY;
            }
            if (x < U_THRESHOLD) {
                return 0.0;
            }
        }
        double hi = 0.0;
        double lo = 0.0;
        int k = 0;
        if (hx > 0x3fd62e42) { // |x| > 0.5 ln2: reduce to x - k ln2
            if (hx < 0x3FF0A2B2) { // and |x| < 1.5 ln2
                hi = negative ? x + LN2_HI : x - LN2_HI;
                lo = negative ? -LN2_LO : LN2_LO;
                k = negative ? -1 : 1;
            } else {
                k = (int) (INV_LN2 * x + (negative ? -0.5 : 0.5));
                double t = k;
                hi = x - t * LN2_HI; // exact: LN2_HI has trailing zero bits
                lo = t * LN2_LO;
            }
            x = hi - lo;
        } else if (hx < 0x3e300000) { // |x| < 2^-28
            return 1.0 + x;
        }
        double t = x * x;
        double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        if (k == 0) {
            return 1.0 - ((x * c) / (c - 2.0) - x);
        }
        double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
        if (k >= -1021) {
            return addToExponent(y, k);
        }
        return addToExponent(y, k + 1000) * TWO_M1000;
    }

    /** The natural logarithm, bit for bit {@link StrictMath#log}. */
    public static double log(double x) {
        int hx = highWord(x);
        int lx = (int) Double.doubleToRawLongBits(x);
        int k = 0;
        if (hx < 0x00100000) { // x < 2^-1022: zero, negative or subnormal
            if (((hx & 0x7fffffff) | lx) == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (hx < 0) {
                return Double.NaN;
            }
            k -= 54;
            x *= TWO54;
            hx = highWord(x);
        }
        if (hx >= 0x7ff00000) {
            return x + x;
        }
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        int i = (hx + 0x95f64) & 0x100000;
        x = withHighWord(x, hx | (i ^ 0x3ff00000)); // x or x/2, normalised into [sqrt(2)/2, sqrt(2))
        k += i >> 20;
        double f = x - 1.0;
        if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2^-20
            if (f == 0.0) {
                if (k == 0) {
                    return 0.0;
                }
                double dk = k;
                return dk * LN2_HI + dk * LN2_LO;
            }
            double r = f * f * (0.5 - 0.33333333333333333 * f);
            if (k == 0) {
                return f - r;
            }
            double dk = k;
            return dk * LN2_HI - (r - dk * LN2_LO - f);
        }
        double s = f / (2.0 + f);
        double dk = k;
        double z = s * s;
        int i2 = hx - 0x6147a;
        double w = z * z;
        int j = 0x6b851 - hx;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        i2 |= j;
        double r = t2 + t1;
        if (i2 > 0) {
            double hfsq = 0.5 * f * f;
            if (k == 0) {
                return f - (hfsq - s * (hfsq + r));
            }
            return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
        }
        if (k == 0) {
            return f - s * (f - r);
        }
        return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
    }

    private static int highWord(double x) {
        return (int) (Double.doubleToRawLongBits(x) >> 32);
    }

    private static double withHighWord(double x, int high) {
        long low = Double.doubleToRawLongBits(x) & 0xFFFF_FFFFL;
        return Double.longBitsToDouble(((long) high << 32) | low);
    }

    /** fdlibm's {@code __HI(y) += k << 20}: adds k to the biased exponent. */
    private static double addToExponent(double y, int k) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) k << 52));
    }
}
