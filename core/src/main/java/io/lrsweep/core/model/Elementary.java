package io.lrsweep.core.model;

/**
 * PLACEHOLDER (to be replaced by the exact definitions): exp, log, tanh and sigmoid from IEEE
 * add/mul/div, min/max and bit operations only, so that {@link ElementaryLanes} gives the same bits.
 */
final class Elementary {
    static final double LOG2E = 1.4426950408889634;
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    static final double SHIFT = 0x1.8p52;
    static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    /** 1/n! for the exp polynomial. */
    static final double C0 = 1.0, C1 = 1.0, C2 = 1.0 / 2, C3 = 1.0 / 6, C4 = 1.0 / 24, C5 = 1.0 / 120, C6 = 1.0 / 720,
            C7 = 1.0 / 5040, C8 = 1.0 / 40320, C9 = 1.0 / 362880, C10 = 1.0 / 3628800, C11 = 1.0 / 39916800,
            C12 = 1.0 / 479001600, C13 = 1.0 / 6227020800.0;

    private Elementary() {}

    static double exp(double x) {
        x = Math.min(Math.max(x, -746.0), 710.0);
        double t = x * LOG2E + SHIFT;
        double k = t - SHIFT;
        double r = (x - k * LN2_HI) - k * LN2_LO;
        double p = r * C13 + C12;
        p = p * r + C11;
        p = p * r + C10;
        p = p * r + C9;
        p = p * r + C8;
        p = p * r + C7;
        p = p * r + C6;
        p = p * r + C5;
        p = p * r + C4;
        p = p * r + C3;
        p = p * r + C2;
        p = p * r + C1;
        p = p * r + C0;
        double k1 = Math.min(Math.max(k, -1022.0), 1023.0);
        double k2 = k - k1;
        long b1 = Double.doubleToRawLongBits(k1 + SHIFT) - SHIFT_BITS + 1023L << 52;
        long b2 = Double.doubleToRawLongBits(k2 + SHIFT) - SHIFT_BITS + 1023L << 52;
        return (p * Double.longBitsToDouble(b1)) * Double.longBitsToDouble(b2);
    }

    static final double SQRT2 = 1.4142135623730951;
    static final double LG1 = 6.666666666666735130e-01, LG2 = 3.999999999940941908e-01, LG3 = 2.857142874366239149e-01,
            LG4 = 2.222219843214978396e-01, LG5 = 1.818357216161805012e-01, LG6 = 1.531383769920937332e-01,
            LG7 = 1.479819860511658591e-01;

    static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        long e = (bits >>> 52) - 1023L;
        double m = Double.longBitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        double ed = Double.longBitsToDouble(e + SHIFT_BITS) - SHIFT;
        boolean big = m > SQRT2;
        m = big ? m * 0.5 : m;
        ed = big ? ed + 1.0 : ed;
        double f = m - 1.0;
        double s = f / (2.0 + f);
        double z = s * s;
        double w = z * z;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        double r = t2 + t1;
        double hfsq = 0.5 * f * f;
        double y = ed * LN2_HI - ((hfsq - (s * (hfsq + r) + ed * LN2_LO)) - f);
        return y + (x - x);
    }

    static double tanh(double x) {
        double a = Math.min(Math.abs(x), 30.0);
        double t = exp(a * -2.0);
        double y = (1.0 - t) / (1.0 + t);
        long signed = (Double.doubleToRawLongBits(y) & 0x7FFFFFFFFFFFFFFFL) | (Double.doubleToRawLongBits(x) & 0x8000000000000000L);
        return Double.longBitsToDouble(signed) + (x - x);
    }

    static double sigmoid(double x) {
        return 1.0 / (exp(-x) + 1.0);
    }
}
