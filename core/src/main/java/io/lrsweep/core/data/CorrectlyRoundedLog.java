package io.lrsweep.core.data;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The natural logarithm rounded to nearest, correctly by construction on every JVM.
 *
 * <p>Why: {@code make_blobs} data depend on the last bit of {@code log(r2)}. The reference data
 * came from glibc, whose {@code log} is correctly rounded; {@code StrictMath.log} (fdlibm) is not,
 * and {@code Math.log} is whatever the JIT intrinsic happens to be. So neither is used here.
 *
 * <p>How (Ziv's strategy): write {@code x = m * 2^e} with m in [sqrt(1/2), sqrt(2)], so that
 * {@code log x = e ln2 + 2 atanh(s)} with {@code s = (m - 1) / (m + 1)}, |s| &lt; 0.172. This is
 * evaluated in double-double arithmetic with a series truncated below 2^-110; the total relative
 * error is below 2^-98 (about 50 double-double operations of at most ~2^-104 each, amplified at
 * most threefold by the cancellation in {@code e ln2 + log m} when e = -1; tests observe about
 * 2^-104). If the double-double value lies within {@link #FAST_RELATIVE_ERROR} (2^-90, a margin
 * of 2^8 over that bound) of a rounding midpoint, it cannot be rounded safely and the value is
 * recomputed with {@link BigDecimal} at 40, 80, ... significant digits until rounding is decided.
 * Since the log of a double other than 1 is transcendental it is never exactly a midpoint, so
 * this terminates; the hardest known cases for double-precision log (Lefèvre and Muller) need
 * about 118 bits, well within the first 40 digits.
 *
 * <p>Special values follow {@link Math#log}: NaN and negative numbers give NaN, &plusmn;0 gives
 * -&infin;, +&infin; gives +&infin;, and 1 gives +0.
 */
public final class CorrectlyRoundedLog {

    /** Relative error assumed for the double-double evaluation in the rounding test. */
    static final double FAST_RELATIVE_ERROR = 0x1p-90;

    /** ln 2 as a double-double: hi is ln 2 rounded to a double, lo is the remainder rounded. */
    static final DoubleDouble LN2 = new DoubleDouble(0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56);

    private static final double SQRT2 = Math.sqrt(2.0);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final int FIRST_SLOW_DIGITS = 40;
    private static final int MAX_SLOW_DIGITS = 40 << 6;
    private static final int GUARD_DIGITS = 10;

    /**
     * 1 / (2k + 1) for k = 0..22 as double-doubles; with s^2 &lt; 0.0295 the first omitted term
     * is below 2^-115 relative to the sum.
     */
    private static final DoubleDouble[] ATANH_COEFFICIENTS = atanhCoefficients(22);

    private CorrectlyRoundedLog() {
    }

    /** The natural logarithm of x, correctly rounded to nearest. */
    public static double log(double x) {
        if (Double.isNaN(x) || x < 0.0) {
            return Double.NaN;
        }
        if (x == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == 1.0) {
            return 0.0;
        }
        double fast = roundOrNaN(logDoubleDouble(x), FAST_RELATIVE_ERROR);
        return Double.isNaN(fast) ? slowLog(x) : fast;
    }

    /** log x in double-double for finite x &gt; 0, relative error below 2^-98 (see class doc). */
    static DoubleDouble logDoubleDouble(double x) {
        Reduced reduced = Reduced.of(x);
        double m = reduced.mantissa();
        DoubleDouble s = DoubleDouble.of(m - 1.0).divide(DoubleDouble.twoSum(m, 1.0));
        DoubleDouble u = s.multiply(s);
        DoubleDouble series = ATANH_COEFFICIENTS[ATANH_COEFFICIENTS.length - 1];
        for (int k = ATANH_COEFFICIENTS.length - 2; k >= 0; k--) {
            series = series.multiply(u).add(ATANH_COEFFICIENTS[k]);
        }
        DoubleDouble logMantissa = s.multiply(series).scale(2.0);
        if (reduced.exponent() == 0) {
            return logMantissa;
        }
        return LN2.multiply(reduced.exponent()).add(logMantissa);
    }

    /**
     * The double nearest to a value known as {@code v} with relative error at most
     * {@code relativeError}, or NaN when a rounding midpoint lies within that error.
     */
    static double roundOrNaN(DoubleDouble v, double relativeError) {
        DoubleDouble n = DoubleDouble.twoSum(v.hi(), v.lo());
        double hi = n.hi();
        double lo = n.lo();
        double error = Math.abs(hi) * relativeError;
        boolean awayFromZero = lo != 0.0 && (lo > 0.0) == (hi > 0.0);
        boolean powerOfTwo = (Double.doubleToRawLongBits(hi) & 0x000F_FFFF_FFFF_FFFFL) == 0;
        double gap = awayFromZero || !powerOfTwo ? Math.ulp(hi) : Math.ulp(hi) / 2.0;
        // gap / 2 - |lo| is exact whenever it is small enough to matter (Sterbenz).
        return gap / 2.0 - Math.abs(lo) > error ? hi : Double.NaN;
    }

    /**
     * log x for finite x &gt; 0 evaluated with BigDecimal, raising the precision until the
     * interval {@code value +- |value| 10^-digits} rounds to a single double (rounding is
     * monotone, so agreeing ends decide every value in between).
     */
    static double slowLog(double x) {
        Reduced reduced = Reduced.of(x);
        for (int digits = FIRST_SLOW_DIGITS; digits <= MAX_SLOW_DIGITS; digits *= 2) {
            BigDecimal value = bigLog(reduced, new MathContext(digits + GUARD_DIGITS));
            BigDecimal error = value.abs().scaleByPowerOfTen(-digits);
            double low = value.subtract(error).doubleValue();
            double high = value.add(error).doubleValue();
            if (low == high) {
                return low;
            }
        }
        throw new IllegalStateException("log(" + x + ") could not be rounded with " + MAX_SLOW_DIGITS
                + " digits; this contradicts the transcendence of log and indicates a bug");
    }

    /**
     * e ln2 + 2 atanh(s) at the given precision. All series terms share a sign, so the relative
     * error stays within a few hundred roundings of the working precision, far below the
     * 10^-digits that {@link #slowLog} assumes with its ten guard digits.
     */
    private static BigDecimal bigLog(Reduced reduced, MathContext mc) {
        BigDecimal m = new BigDecimal(reduced.mantissa());
        BigDecimal s = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), mc);
        BigDecimal logMantissa = bigAtanh(s, mc).multiply(TWO, mc);
        if (reduced.exponent() == 0) {
            return logMantissa;
        }
        BigDecimal ln2 = bigAtanh(BigDecimal.ONE.divide(BigDecimal.valueOf(3), mc), mc).multiply(TWO, mc);
        return ln2.multiply(BigDecimal.valueOf(reduced.exponent()), mc).add(logMantissa, mc);
    }

    /** atanh(s) = s + s^3/3 + s^5/5 + ... for |s| &lt;= 1/3, summed until terms drop below the precision. */
    private static BigDecimal bigAtanh(BigDecimal s, MathContext mc) {
        if (s.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal threshold = s.abs().scaleByPowerOfTen(-mc.getPrecision() - 2);
        BigDecimal square = s.multiply(s, mc);
        BigDecimal power = s;
        BigDecimal sum = s;
        for (int k = 1; ; k++) {
            power = power.multiply(square, mc);
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * k + 1), mc);
            if (term.abs().compareTo(threshold) < 0) {
                return sum;
            }
            sum = sum.add(term, mc);
        }
    }

    private static DoubleDouble[] atanhCoefficients(int lastK) {
        DoubleDouble[] coefficients = new DoubleDouble[lastK + 1];
        for (int k = 0; k <= lastK; k++) {
            double denominator = 2.0 * k + 1.0;
            double hi = 1.0 / denominator;
            // 1 - hi * denominator is exact in a double, so lo carries the quotient to ~106 bits.
            double lo = Math.fma(-hi, denominator, 1.0) / denominator;
            coefficients[k] = new DoubleDouble(hi, lo);
        }
        return coefficients;
    }

    /** x = mantissa * 2^exponent exactly, with mantissa in [sqrt(1/2), sqrt(2)]. */
    private record Reduced(int exponent, double mantissa) {
        static Reduced of(double x) {
            int shift = 0;
            double normal = x;
            if (x < Double.MIN_NORMAL) {
                normal = x * 0x1p54;
                shift = -54;
            }
            int exponent = Math.getExponent(normal);
            double mantissa = Math.scalb(normal, -exponent);
            if (mantissa > SQRT2) {
                mantissa *= 0.5;
                exponent++;
            }
            return new Reduced(exponent + shift, mantissa);
        }
    }
}
