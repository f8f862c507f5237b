package io.lrsweep.core.model;

import io.lrsweep.core.random.SplitMix64;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Java fdlibm port against {@link StrictMath} (the JDK's C fdlibm, whose results the Java
 * specification fixes): bit for bit over the ranges the kernel uses, over every binade, and at
 * the special values and branch boundaries of the C code.
 */
class FdlibmTest {
    private static final int SAMPLES = 2_000_000;

    private static void assertSameExp(double x) {
        assertEquals(bits(StrictMath.exp(x)), bits(Fdlibm.exp(x)), () -> "exp(" + x + " = " + Double.toHexString(x) + ")");
    }

    private static void assertSameLog(double x) {
        assertEquals(bits(StrictMath.log(x)), bits(Fdlibm.log(x)), () -> "log(" + x + " = " + Double.toHexString(x) + ")");
    }

    /** The exact bits, except that every NaN counts as one (C's 0/0 and Java's NaN differ in sign bit only). */
    private static long bits(double v) {
        return Double.doubleToLongBits(v);
    }

    @Test
    void expMatchesStrictMathWhereTheSoftmaxCallsIt() {
        // softmax calls exp(z - max), z - max <= 0; the sigmoid calls exp(-z)
        SplitMix64 rng = new SplitMix64(1);
        for (int n = 0; n < SAMPLES; n++) {
            assertSameExp(-40.0 * rng.nextDouble());
            assertSameExp(1500.0 * (rng.nextDouble() - 0.5));
            assertSameExp(4.0 * (rng.nextDouble() - 0.5));
        }
    }

    @Test
    void expMatchesStrictMathOnEveryBinadeAndSpecialValue() {
        SplitMix64 rng = new SplitMix64(2);
        for (int n = 0; n < SAMPLES; n++) {
            assertSameExp(Double.longBitsToDouble(rng.nextLong()));
        }
        double[] special = {0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
                -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                709.782712893384, 709.7827128933841, -745.1332191019411, -745.1332191019412, -708.4, -708.3964185322641,
                0x1.0p-28, -0x1.0p-28, 0x1.0p-29, 0.5 * Math.log(2), 1.5 * Math.log(2), -0.5 * Math.log(2), -1.5 * Math.log(2)};
        for (double x : special) {
            assertSameExp(x);
            assertSameExp(Math.nextUp(x));
            assertSameExp(Math.nextDown(x));
        }
    }

    @Test
    void logMatchesStrictMathWhereTheLossCallsIt() {
        // the loss takes the log of a probability clipped to [1e-7, 1 - 1e-7]
        SplitMix64 rng = new SplitMix64(3);
        for (int n = 0; n < SAMPLES; n++) {
            assertSameLog(rng.nextDouble());
            assertSameLog(1.0 - 1e-3 * rng.nextDouble());
            assertSameLog(1e-7 + 1e-4 * rng.nextDouble());
        }
    }

    @Test
    void logMatchesStrictMathOnEveryBinadeAndSpecialValue() {
        SplitMix64 rng = new SplitMix64(4);
        for (int n = 0; n < SAMPLES; n++) {
            assertSameLog(Double.longBitsToDouble(rng.nextLong()));
            assertSameLog(Double.longBitsToDouble(rng.nextLong() & 0x000F_FFFF_FFFF_FFFFL)); // subnormals
        }
        double[] special = {0.0, -0.0, 1.0, -1.0, 2.0, 0.5, Math.E, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e-7, 1.0 - 1e-7, Math.sqrt(2), Math.sqrt(0.5)};
        for (double x : special) {
            assertSameLog(x);
            assertSameLog(Math.nextUp(x));
            assertSameLog(Math.nextDown(x));
        }
        for (int e = -1074; e <= 1023; e++) {
            double p = Math.scalb(1.0, e);
            assertSameLog(p);
            assertSameLog(Math.nextUp(p));
            assertSameLog(Math.nextDown(p));
        }
    }
}
