package io.lrsweep.core.model;

import io.lrsweep.core.random.SplitMix64;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.function.DoubleFunction;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How far {@link Elementary} is from the true values ({@link ElementaryReference}, 40 digits) and
 * from {@link StrictMath}, in ulps of the result, over each function's ranges (uniform ranges and
 * every binade, both signs); plus its special values. Pure scalar code: runs on any JVM.
 */
class ElementaryAccuracyTest {
    private static final int EXACT_SAMPLES = 1_000;
    private static final int STRICT_SAMPLES = 1_000_000;
    private final SplitMix64 rng = new SplitMix64(99);

    private DoubleSupplier uniform(double lo, double hi) {
        return () -> lo + (hi - lo) * rng.nextDouble();
    }

    private DoubleSupplier binades(int lo, int hi, boolean bothSigns) {
        return () -> {
            double x = ElementaryInputs.binade(rng, lo, hi);
            return bothSigns && rng.nextInt(2) == 0 ? -x : x;
        };
    }

    /** The largest error against the 40-digit reference, asserted below {@code bound}. */
    private void exactError(String name, DoubleUnaryOperator f, DoubleFunction<BigDecimal> exact, double bound,
                              DoubleSupplier... ranges) {
        double worst = 0;
        double at = 0;
        for (DoubleSupplier range : ranges) {
            for (int i = 0; i < EXACT_SAMPLES; i++) {
                double x = range.getAsDouble();
                double e = ElementaryReference.ulpError(f.applyAsDouble(x), exact.apply(x));
                if (e > worst) {
                    worst = e;
                    at = x;
                }
            }
        }
        System.out.printf("%s: max error %.3f ulp (at %s)%n", name, worst, Double.toHexString(at));
        double finalAt = at;
        assertTrue(worst <= bound,
                () -> name + "(" + Double.toHexString(finalAt) + ") is off by more than " + bound + " ulp");
    }

    /** The largest distance from StrictMath in ulps (an integer), asserted at most {@code bound}. */
    private void strictDistance(String name, DoubleUnaryOperator f, DoubleUnaryOperator strict, long bound,
                                DoubleSupplier... ranges) {
        long worst = 0;
        for (DoubleSupplier range : ranges) {
            for (int i = 0; i < STRICT_SAMPLES / ranges.length; i++) {
                double x = range.getAsDouble();
                double got = f.applyAsDouble(x);
                double want = strict.applyAsDouble(x);
                long d = Math.round(Math.abs(got - want) / Math.ulp(want));
                if (d > bound) {
                    assertEquals(want, got, Math.ulp(want) * bound,
                            name + "(" + Double.toHexString(x) + ") vs StrictMath");
                }
                worst = Math.max(worst, d);
            }
        }
        System.out.printf("%s: max distance from StrictMath %d ulp%n", name, worst);
    }

    @Test
    void expIsWithinOneUlp() {
        DoubleSupplier[] ranges = {uniform(-708.39, 709.78), uniform(-1, 1), binades(-60, 0, true)};
        exactError("exp", Elementary::exp, ElementaryReference::exp, 1.0, ranges);
        strictDistance("exp", Elementary::exp, StrictMath::exp, 1, ranges);
    }

    @Test
    void expm1IsWithinOneUlpEvenNearZero() {
        DoubleSupplier[] ranges = {uniform(-40, 709.78), uniform(-1.5, 1.5), binades(-1074, 0, true)};
        exactError("expm1", Elementary::expm1, ElementaryReference::expm1, 1.1, ranges);
        strictDistance("expm1", Elementary::expm1, StrictMath::expm1, 1, ranges);
    }

    @Test
    void logIsWithinOneUlp() {
        DoubleSupplier[] ranges = {binades(-997, 996, false), uniform(0.5, 2), uniform(1e-7, 1e3)};
        exactError("log", Elementary::log, ElementaryReference::log, 1.0, ranges);
        strictDistance("log", Elementary::log, StrictMath::log, 1, ranges);
    }

    @Test
    void tanhIsWithinTwoUlpEvenNearZero() {
        DoubleSupplier[] ranges = {uniform(-20, 20), uniform(-1, 1), binades(-1074, 4, true)};
        exactError("tanh", Elementary::tanh, ElementaryReference::tanh, 2.0, ranges);
        // StrictMath.tanh (fdlibm) is itself up to ~2.2 ulp off, so two such results can be 3 apart.
        strictDistance("tanh", Elementary::tanh, StrictMath::tanh, 3, ranges);
    }

    @Test
    void sigmoidIsWithinTwoAndAHalfUlp() {
        // 1 / (1 + exp(-x)): exp's error, the rounding of 1 + exp(-x) and of the quotient.
        exactError("sigmoid", Elementary::sigmoid, ElementaryReference::sigmoid, 2.5,
                uniform(-708, 40), uniform(-10, 10), binades(-60, 5, true));
    }

    @Test
    void specialValues() {
        assertBits(1.0, Elementary.exp(0.0));
        assertBits(1.0, Elementary.exp(-0.0));
        assertBits(Double.POSITIVE_INFINITY, Elementary.exp(Double.POSITIVE_INFINITY));
        assertBits(0.0, Elementary.exp(Double.NEGATIVE_INFINITY));
        assertBits(Double.POSITIVE_INFINITY, Elementary.exp(709.79));
        assertBits(Double.POSITIVE_INFINITY, Elementary.exp(Double.MAX_VALUE));
        assertBits(0.0, Elementary.exp(-745.2));
        assertBits(0.0, Elementary.exp(-Double.MAX_VALUE));
        assertBits(StrictMath.exp(709.782712893384), Elementary.exp(709.782712893384)); // the largest finite result
        assertBits(Double.POSITIVE_INFINITY, Elementary.exp(746.0)); // the last argument of the formula
        assertBits(0.0, Elementary.exp(-746.0));
        assertBits(Double.POSITIVE_INFINITY, Elementary.expm1(1000.0));
        assertBits(-1.0, Elementary.expm1(-1000.0));
        assertBits(-1.0, Elementary.tanh(-1e300));
        assertBits(-0.0, Elementary.expm1(-0.0));
        assertBits(0.0, Elementary.expm1(0.0));
        assertBits(-1.0, Elementary.expm1(Double.NEGATIVE_INFINITY));
        assertBits(-1.0, Elementary.expm1(-40.0));
        assertBits(Double.POSITIVE_INFINITY, Elementary.expm1(Double.POSITIVE_INFINITY));
        assertBits(Double.MIN_VALUE, Elementary.expm1(Double.MIN_VALUE));
        assertBits(0.0, Elementary.log(1.0));
        assertBits(0.0, Elementary.tanh(0.0));
        assertBits(-0.0, Elementary.tanh(-0.0));
        assertBits(1.0, Elementary.tanh(Double.POSITIVE_INFINITY));
        assertBits(-1.0, Elementary.tanh(Double.NEGATIVE_INFINITY));
        assertBits(1.0, Elementary.tanh(20.0));
        assertBits(-Double.MIN_VALUE, Elementary.tanh(-Double.MIN_VALUE));
        assertBits(0.5, Elementary.sigmoid(0.0));
        assertBits(0.0, Elementary.sigmoid(Double.NEGATIVE_INFINITY));
        assertBits(1.0, Elementary.sigmoid(Double.POSITIVE_INFINITY));
        for (double nan : new double[] {Double.NaN, Double.longBitsToDouble(0xfff8_0000_0000_0001L)}) {
            assertTrue(Double.isNaN(Elementary.exp(nan)));
            assertTrue(Double.isNaN(Elementary.expm1(nan)));
            assertTrue(Double.isNaN(Elementary.log(nan)));
            assertTrue(Double.isNaN(Elementary.tanh(nan)));
            assertTrue(Double.isNaN(Elementary.sigmoid(nan)));
        }
        assertTrue(Double.isNaN(Elementary.log(Double.POSITIVE_INFINITY)));
    }

    @Test
    void expUnderflowsGraduallyWithinOneStepOfStrictMath() {
        for (int i = 0; i < 100_000; i++) {
            double x = -708.4 - 36.8 * rng.nextDouble(); // subnormal results, down to 0
            double got = Elementary.exp(x);
            double want = StrictMath.exp(x);
            assertTrue(Math.abs(got - want) <= Double.MIN_VALUE,
                    () -> "exp(" + x + ") = " + got + ", StrictMath " + want);
        }
    }

    @Test
    void tanhIsOddAndBoundedAndSigmoidIsSymmetric() {
        for (int i = 0; i < 200_000; i++) {
            double x = i % 2 == 0 ? 50 * (rng.nextDouble() - 0.5) : ElementaryInputs.binade(rng, -1074, 6);
            double t = Elementary.tanh(x);
            assertBits(-t, Elementary.tanh(-x));
            assertTrue(Math.abs(t) <= 1.0, () -> "tanh(" + x + ") = " + t);
            double s = Elementary.sigmoid(x) + Elementary.sigmoid(-x);
            assertEquals(1.0, s, 2 * Math.ulp(1.0), () -> "sigmoid(" + x + ") + sigmoid(-x)");
        }
    }

    @Test
    void constantsAreTheDocumentedValues() {
        assertEquals(1.0 / Math.log(2), Elementary.LOG2E, Math.ulp(Elementary.LOG2E));
        // fdlibm 5.3's e_exp.c and e_log.c, by their bits.
        assertBits(Double.longBitsToDouble(0x3fe62e42fee00000L), Elementary.LN2_HI);
        assertBits(Double.longBitsToDouble(0x3dea39ef35793c76L), Elementary.LN2_LO);
        assertBits(Double.longBitsToDouble(0x3ff71547652b82feL), Elementary.LOG2E);
        assertBits(Double.longBitsToDouble(0x3fe5555555555593L), Elementary.LG1);
        assertBits(Double.longBitsToDouble(0x3fc2f112df3e5244L), Elementary.LG7);
        assertEquals(0, Double.doubleToRawLongBits(Elementary.LN2_HI) & 0x1f_ffffL,
                "k * LN2_HI must be exact for |k| < 2^21");
        assertBits(0x1.8p52 + 2046, Elementary.SHIFT);
        assertBits(Math.sqrt(0.5), Double.longBitsToDouble(Elementary.SQRT_HALF_BITS));
    }

    /** 1 + r + r^2 Q(r), with Q's double coefficients, is e^r to 2^-56 on the reduced range. */
    @Test
    void minimaxPolynomialApproximatesExpOnTheReducedRange() {
        BigDecimal[] c = new BigDecimal[12];
        double[] coefficients = {Elementary.C2, Elementary.C3, Elementary.C4, Elementary.C5, Elementary.C6,
            Elementary.C7, Elementary.C8, Elementary.C9, Elementary.C10, Elementary.C11};
        for (int i = 0; i < coefficients.length; i++) {
            c[i] = new BigDecimal(coefficients[i]);
        }
        double worst = 0;
        for (int i = -500; i <= 500; i++) {
            double r = 0.34658 * i / 500;
            BigDecimal br = new BigDecimal(r);
            BigDecimal q = BigDecimal.ZERO;
            for (int j = coefficients.length - 1; j >= 0; j--) {
                q = q.multiply(br).add(c[j]); // exact: no rounding in the polynomial itself
            }
            BigDecimal expm1 = br.add(br.multiply(br).multiply(q));
            BigDecimal error = expm1.subtract(ElementaryReference.expm1(r)).abs();
            worst = Math.max(worst, error.doubleValue() / Math.exp(r));
        }
        assertTrue(worst < 0x1.0p-56, "relative error " + worst);
    }

    private static void assertBits(double expected, double actual) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                () -> "expected " + expected + " (" + Double.toHexString(expected) + "), got " + actual
                        + " (" + Double.toHexString(actual) + ")");
    }
}
