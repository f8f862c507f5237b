package io.lrsweep.core.model;

import io.lrsweep.core.random.SplitMix64;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * LaneMath's vector exp and log against {@link StrictMath} lane by lane, bit for bit: lanes filled
 * with arguments of different branches side by side (so every blend is exercised with mixed
 * masks), over the ranges the softmax and loss use, every binade, and fdlibm's branch boundaries.
 */
class LaneMathTest {
    private static final int VECTORS = 1_000_000;
    private static final LaneMath MATH = new LaneMath(4);

    private static long bits(double v) {
        return Double.doubleToLongBits(v); // every NaN counts as one, as in FdlibmTest
    }

    private static void checkExp(double[] lanes) {
        double[] got = lanes.clone();
        MATH.exp(got, 0, 4);
        for (int j = 0; j < 4; j++) {
            double x = lanes[j];
            assertEquals(bits(StrictMath.exp(x)), bits(got[j]), () -> "exp(" + x + " = " + Double.toHexString(x) + ")");
        }
    }

    private static void checkLog(double[] lanes) {
        double[] got = lanes.clone();
        MATH.log(got, 0, 4);
        for (int j = 0; j < 4; j++) {
            double x = lanes[j];
            assertEquals(bits(StrictMath.log(x)), bits(got[j]), () -> "log(" + x + " = " + Double.toHexString(x) + ")");
        }
    }

    /** Vectors of 4 arguments, each lane drawn from a randomly chosen source. */
    private static void run(List<DoubleSupplier> sources, SplitMix64 rng, boolean exp) {
        double[] lanes = new double[4];
        for (int n = 0; n < VECTORS; n++) {
            for (int j = 0; j < 4; j++) {
                lanes[j] = sources.get((int) Math.floorMod(rng.nextLong(), (long) sources.size())).getAsDouble();
            }
            if (exp) {
                checkExp(lanes);
            } else {
                checkLog(lanes);
            }
        }
    }

    private static double[] withNeighbours(double... xs) {
        List<Double> all = new ArrayList<>();
        for (double x : xs) {
            all.add(x);
            all.add(Math.nextUp(x));
            all.add(Math.nextDown(x));
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void expMatchesStrictMathLaneByLane() {
        SplitMix64 rng = new SplitMix64(11);
        double[] edges = withNeighbours(0.0, -0.0, 0x1.0p-28, -0x1.0p-28, 0.5 * Math.log(2), -0.5 * Math.log(2),
                1.5 * Math.log(2), -1.5 * Math.log(2), 706.0, -706.0, 709.782712893384, -745.1332191019411,
                -708.3964185322641, Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, 1.0, -1.0);
        List<DoubleSupplier> sources = List.of(
                () -> -40.0 * rng.nextDouble(),                 // softmax: z - max <= 0
                () -> -1e-3 * rng.nextDouble(),
                () -> 4.0 * (rng.nextDouble() - 0.5),           // both reduction branches and k = 0
                () -> 1500.0 * (rng.nextDouble() - 0.5),        // the scalar ranges too
                () -> Double.longBitsToDouble(rng.nextLong()),  // every binade
                () -> 0.0,                                      // the max class of a softmax row
                () -> edges[(int) Math.floorMod(rng.nextLong(), (long) edges.length)]);
        run(sources, rng, true);
    }

    @Test
    void longArraysAtAnOffsetMatchValueByValue() {
        SplitMix64 rng = new SplitMix64(13);
        LaneMath math = new LaneMath(4096);
        double[] a = new double[4104];
        double[] b = new double[4104];
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < a.length; i++) {
                a[i] = -30.0 * rng.nextDouble() + (i % 97 == 0 ? 800.0 : 0.0); // some vectors take the scalar path
                b[i] = 1e-7 + rng.nextDouble() * (i % 89 == 0 ? -1.0 : 1.0);
            }
            double[] ea = a.clone();
            double[] lb = b.clone();
            math.exp(ea, 8, 4096);
            math.log(lb, 8, 4096);
            for (int i = 0; i < a.length; i++) {
                boolean inside = i >= 8 && i < 8 + 4096;
                assertEquals(bits(inside ? StrictMath.exp(a[i]) : a[i]), bits(ea[i]), "exp at " + i + " of " + a[i]);
                assertEquals(bits(inside ? StrictMath.log(b[i]) : b[i]), bits(lb[i]), "log at " + i + " of " + b[i]);
            }
        }
    }

    @Test
    void logMatchesStrictMathLaneByLane() {
        SplitMix64 rng = new SplitMix64(12);
        double[] edges = withNeighbours(1e-7, 1.0 - 1e-7, 1.0, 0.5, 2.0, Math.sqrt(0.5), Math.sqrt(2.0),
                Double.MIN_NORMAL, Double.MIN_VALUE, Double.MAX_VALUE, 0.0, -0.0, -1.0,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1.0 + 0x1.0p-20, 1.0 - 0x1.0p-20);
        List<DoubleSupplier> sources = List.of(
                () -> 1e-7 + (1.0 - 2e-7) * rng.nextDouble(),  // the loss: a clipped probability
                () -> 1.0 - 1e-6 * rng.nextDouble(),            // near 1: |f| < 2^-20
                () -> Math.scalb(1.0, -(int) Math.floorMod(rng.nextLong(), 24L)),  // powers of two: f == 0
                () -> Math.abs(Double.longBitsToDouble(rng.nextLong())),
                () -> Double.longBitsToDouble(rng.nextLong()),
                () -> edges[(int) Math.floorMod(rng.nextLong(), (long) edges.length)]);
        run(sources, rng, false);
    }
}
