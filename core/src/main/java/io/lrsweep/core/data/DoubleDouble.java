package io.lrsweep.core.data;

/**
 * An unevaluated sum {@code hi + lo} with {@code |lo| <= ulp(hi) / 2}, giving about 106 bits of
 * precision from plain doubles (Dekker, Knuth; the algorithms of Hida, Li and Bailey's QD library).
 * Each operation below has a relative error of at most about 2^-104 when the operands do not
 * cancel; {@link #add} is the accurate ("IEEE") variant that also stays accurate under cancellation.
 * Only {@link CorrectlyRoundedLog} uses it.
 */
record DoubleDouble(double hi, double lo) {

    static final DoubleDouble ZERO = new DoubleDouble(0.0, 0.0);

    static DoubleDouble of(double value) {
        return new DoubleDouble(value, 0.0);
    }

    /** The exact sum of two doubles (Knuth's TwoSum). */
    static DoubleDouble twoSum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        double err = (a - (s - bb)) + (b - bb);
        return new DoubleDouble(s, err);
    }

    /** The exact sum when {@code |a| >= |b|} or a is 0 (Dekker's FastTwoSum). */
    static DoubleDouble fastTwoSum(double a, double b) {
        double s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }

    /** The exact product of two doubles, barring underflow (the FMA gives the rounding error). */
    static DoubleDouble twoProduct(double a, double b) {
        double p = a * b;
        return new DoubleDouble(p, Math.fma(a, b, -p));
    }

    DoubleDouble add(DoubleDouble other) {
        DoubleDouble high = twoSum(hi, other.hi);
        DoubleDouble low = twoSum(lo, other.lo);
        DoubleDouble partial = fastTwoSum(high.hi, high.lo + low.hi);
        return fastTwoSum(partial.hi, partial.lo + low.lo);
    }

    DoubleDouble multiply(DoubleDouble other) {
        DoubleDouble p = twoProduct(hi, other.hi);
        return fastTwoSum(p.hi, p.lo + (hi * other.lo + lo * other.hi));
    }

    DoubleDouble multiply(double factor) {
        DoubleDouble p = twoProduct(hi, factor);
        return fastTwoSum(p.hi, p.lo + lo * factor);
    }

    /** Long division with three quotient digits, as QD's accurate {@code dd / dd}. */
    DoubleDouble divide(DoubleDouble divisor) {
        double q1 = hi / divisor.hi;
        DoubleDouble remainder = add(divisor.multiply(-q1));
        double q2 = remainder.hi / divisor.hi;
        remainder = remainder.add(divisor.multiply(-q2));
        double q3 = remainder.hi / divisor.hi;
        return fastTwoSum(q1, q2).add(of(q3));
    }

    /** Multiplication by a power of two is exact (no overflow or underflow occurs here). */
    DoubleDouble scale(double powerOfTwo) {
        return new DoubleDouble(hi * powerOfTwo, lo * powerOfTwo);
    }
}
