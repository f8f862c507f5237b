package io.lrsweep.core.model;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The elementary functions to 40 significant digits with {@link BigDecimal}, so that the tests
 * measure {@link Elementary}'s own error rather than its distance from another approximation
 * (StrictMath.tanh, for one, is itself up to ~2.2 ulp off). expm1 is a Taylor series after
 * halving the argument below 2^-8, then doubled back with expm1(2z) = expm1(z) (expm1(z) + 2),
 * which keeps the relative precision for tiny and large arguments alike.
 */
final class ElementaryReference {
    private static final MathContext MC = new MathContext(40);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    /** 1/i to 40 digits: multiplying by these is faster than dividing. */
    private static final BigDecimal[] RECIPROCALS = new BigDecimal[40];

    static {
        for (int i = 1; i < RECIPROCALS.length; i++) {
            RECIPROCALS[i] = BigDecimal.ONE.divide(BigDecimal.valueOf(i), MC);
        }
    }

    private ElementaryReference() {}

    static BigDecimal expm1(double y) {
        int halvings = 0;
        while (Math.abs(Math.scalb(y, -halvings)) > 0x1.0p-8) {
            halvings++;
        }
        BigDecimal z = new BigDecimal(y).multiply(HALF.pow(halvings)); // exact
        BigDecimal sum = z;
        BigDecimal term = z;
        for (int i = 2; term.signum() != 0 && term.abs().compareTo(sum.abs().movePointLeft(42)) > 0; i++) {
            term = term.multiply(z, MC).multiply(RECIPROCALS[i], MC);
            sum = sum.add(term, MC);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum.add(TWO), MC);
        }
        return sum;
    }

    /** e^x; for x < 0 as 1 / e^-x, since 1 + expm1(x) would cancel. */
    static BigDecimal exp(double x) {
        return x >= 0 ? BigDecimal.ONE.add(expm1(x), MC) : BigDecimal.ONE.divide(BigDecimal.ONE.add(expm1(-x), MC), MC);
    }

    static BigDecimal tanh(double x) {
        BigDecimal e = expm1(2.0 * Math.abs(x)); // 2|x| is exact below the overflow threshold
        BigDecimal t = e.divide(e.add(TWO), MC);
        return x < 0 ? t.negate() : t;
    }

    static BigDecimal sigmoid(double x) {
        return BigDecimal.ONE.divide(TWO.add(expm1(-x)), MC);
    }

    /** One Newton step y + x e^-y - 1 from StrictMath's y = log(x) squares its ~1e-16 error. */
    static BigDecimal log(double x) {
        double y = StrictMath.log(x);
        BigDecimal xe = new BigDecimal(x).multiply(exp(-y), MC);
        return new BigDecimal(y).add(xe, MC).subtract(BigDecimal.ONE, MC);
    }

    /** |got - exact| in units of the last place of the double nearest to exact. */
    static double ulpError(double got, BigDecimal exact) {
        double nearest = exact.doubleValue();
        BigDecimal diff = new BigDecimal(got).subtract(exact, MC).abs();
        return diff.divide(new BigDecimal(Math.ulp(nearest)), MC).doubleValue();
    }
}
