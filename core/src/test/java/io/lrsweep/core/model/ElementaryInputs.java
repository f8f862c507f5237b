package io.lrsweep.core.model;

import io.lrsweep.core.random.SplitMix64;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Arguments for the {@link Elementary} tests: a fixed pseudo-random mix, per function, of every
 * binade of interest (both signs), uniform ranges, the points where the definitions switch (clamp
 * ends, the multiples of ln2/2 where k changes, the sqrt(2) mantissa boundary, overflow and
 * subnormal thresholds) with their neighbouring doubles, and the special values. Consecutive
 * arguments come from different sources, so a vector's lanes mix them.
 */
final class ElementaryInputs {
    /** The functions under test, by name (also the order of {@link ElementaryHashMain}'s output). */
    static final String[] FUNCTIONS = {"exp", "expm1", "log", "tanh", "sigmoid"};

    private static final double[] SPECIALS = {
        0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
        Double.longBitsToDouble(0xfff8_0000_0000_0000L), Double.longBitsToDouble(0x7ff0_0000_0000_0001L),
        Double.longBitsToDouble(0xfff4_0000_0000_1234L), Double.MIN_VALUE, -Double.MIN_VALUE,
        Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0, 2.0, 0.5,
    };

    /** Where exp, expm1, sigmoid (at -x) and tanh (at 2|x|) switch behaviour. */
    private static final double[] EXP_EDGES = {
        -746.0, 710.0, 709.782712893384, 709.7827128933841, -745.1332191019411, -745.1332191019412,
        -708.3964185322641, -744.44007192138122, -709.0895657128241, 709.4361393, 22.0, -22.0, 11.0, 44.0,
        19.061547465398498, 0.5 * Math.log(2), 1e-8, -1e-8, 0x1.0p-28, 0x1.0p-54, 0x1.0p-1022, -0x1.0p-1030,
    };

    private ElementaryInputs() {}

    /** {@code n} arguments for {@code function}, the same for every seed-equal call. */
    static double[] forFunction(String function, int n, long seed) {
        SplitMix64 rng = new SplitMix64(seed ^ function.hashCode());
        double[] out = new double[n];
        boolean log = function.equals("log");
        for (int i = 0; i < n; i++) {
            out[i] = log ? logArgument(rng) : expArgument(rng);
        }
        return out;
    }

    private static double expArgument(SplitMix64 rng) {
        switch (rng.nextInt(9)) {
            case 0: return 1500.0 * (rng.nextDouble() - 0.5);
            case 1: return 80.0 * (rng.nextDouble() - 0.5);
            case 2: return signed(rng, binade(rng, -60, 10));             // tiny to ~2000
            case 3: return signed(rng, binade(rng, -1074, 1023));         // every binade
            case 4: return Double.longBitsToDouble(rng.nextLong());         // every bit pattern
            case 5: return neighbour(rng, (rng.nextInt(2101) - 1077 + 0.5) * Math.log(2)); // k changes
            case 6: return neighbour(rng, 0.5 * (rng.nextInt(2101) - 1077 + 0.5) * Math.log(2)); // tanh's k
            case 7: return neighbour(rng, pick(rng, EXP_EDGES) * (rng.nextInt(2) == 0 ? 1 : -1));
            default: return pick(rng, SPECIALS);
        }
    }

    private static double logArgument(SplitMix64 rng) {
        switch (rng.nextInt(8)) {
            case 0: return 1e-7 + rng.nextDouble() * (1e3 - 1e-7);       // what the engine passes
            case 1: return 1e-7 + rng.nextDouble() * (1.0 - 2e-7);
            case 2: return binade(rng, -1022, 1023);                      // every positive normal
            case 3: return Double.longBitsToDouble(rng.nextLong());         // outside the domain too
            case 4: return neighbour(rng, Math.scalb(Math.sqrt(2.0), rng.nextInt(2045) - 1022)); // m boundary
            case 5: return neighbour(rng, Math.scalb(1.0, rng.nextInt(2046) - 1022));          // f == 0
            case 6: return neighbour(rng, 1.0 + 1e-6 * (rng.nextDouble() - 0.5));
            default: return pick(rng, SPECIALS);
        }
    }

    /** Uniform in [2^e, 2^(e+1)) for e uniform in [lo, hi] (subnormal below -1022). */
    static double binade(SplitMix64 rng, int lo, int hi) {
        int e = lo + rng.nextInt(hi - lo + 1);
        return Math.scalb(1.0 + rng.nextDouble(), e);
    }

    private static double signed(SplitMix64 rng, double x) {
        return rng.nextInt(2) == 0 ? x : -x;
    }

    /** x or one of the 4 doubles on either side of it. */
    private static double neighbour(SplitMix64 rng, double x) {
        int steps = rng.nextInt(9) - 4;
        for (; steps > 0; steps--) {
            x = Math.nextUp(x);
        }
        for (; steps < 0; steps++) {
            x = Math.nextDown(x);
        }
        return x;
    }

    private static double pick(SplitMix64 rng, double[] values) {
        return values[rng.nextInt(values.length)];
    }

    /** The scalar definition of {@code function}. */
    static DoubleUnaryOperator scalar(String function) {
        switch (function) {
            case "exp": return Elementary::exp;
            case "expm1": return Elementary::expm1;
            case "log": return Elementary::log;
            case "tanh": return Elementary::tanh;
            case "sigmoid": return Elementary::sigmoid;
            default: throw new IllegalArgumentException(function);
        }
    }

    /** The results' bits, every NaN as one. */
    static long canonicalBits(double v) {
        return Double.doubleToLongBits(v);
    }

    /** An order-sensitive 64-bit hash of the canonical bits of {@code values}. */
    static long hash(double[] values) {
        long h = 0x6a09e667f3bcc909L;
        for (double v : values) {
            h = SplitMix64Mix.mix(h ^ canonicalBits(v)) + 0x9E3779B97F4A7C15L;
        }
        return h;
    }

    /** The scalar results over {@code in}. */
    static double[] applyScalar(String function, double[] in) {
        DoubleUnaryOperator f = scalar(function);
        return Arrays.stream(in).map(f).toArray();
    }

    /** SplitMix64's finaliser, as a hash step. */
    private static final class SplitMix64Mix {
        static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
