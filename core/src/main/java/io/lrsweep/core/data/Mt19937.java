package io.lrsweep.core.data;

/**
 * The Mersenne Twister MT19937 exactly as numpy's legacy {@code RandomState} drives it, so that
 * {@link Blobs} reproduces scikit-learn's {@code make_blobs} bit for bit (see
 * {@code make-blobs-rng.md}): single-integer seeding ({@code init_genrand}), 53-bit doubles from two
 * 32-bit draws, the legacy polar {@code gauss} with its one-value cache, and masked rejection
 * sampling for {@code random_interval}.
 *
 * <p>Mutable and not thread-safe: one instance per data set. {@link #draws()} counts the 32-bit
 * words drawn, which is how the reference sequence is pinned down in tests.
 */
public final class Mt19937 {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] state = new int[N];
    private int position;
    private long draws;
    private boolean hasCachedGauss;
    private double cachedGauss;

    /** Seeds like {@code numpy.random.RandomState(seed)} with an integer seed in [0, 2^32 - 1]. */
    public Mt19937(long seed) {
        if (seed < 0 || seed > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("random_state must be an integer in [0, 2^32 - 1], got " + seed);
        }
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int previous = state[i - 1];
            state[i] = 1812433253 * (previous ^ (previous >>> 30)) + i;
        }
        position = N;
    }

    /** The next tempered 32-bit output (treat as unsigned). */
    public int next32() {
        if (position >= N) {
            twist();
        }
        int y = state[position++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        draws++;
        return y;
    }

    /** numpy's {@code random_sample}: a multiple of 2^-53 in [0, 1) built from two draws. */
    public double nextDouble() {
        long a = (next32() & 0xFFFF_FFFFL) >>> 5;
        long b = (next32() & 0xFFFF_FFFFL) >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** numpy's legacy {@code uniform(low, high)}: {@code low + (high - low) * nextDouble()}. */
    public double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /**
     * numpy's {@code legacy_gauss}: Marsaglia's polar method, which yields two normals per accepted
     * pair and caches the second. The log is {@link CorrectlyRoundedLog} because the reference data
     * were produced with glibc's correctly rounded {@code log}; a last-bit difference there changes
     * the data.
     */
    public double gauss() {
        if (hasCachedGauss) {
            hasCachedGauss = false;
            double value = cachedGauss;
            cachedGauss = 0.0;
            return value;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * CorrectlyRoundedLog.log(r2) / r2);
        cachedGauss = f * x1;
        hasCachedGauss = true;
        return f * x2;
    }

    /**
     * numpy's {@code random_interval(max)}: uniform in [0, max] by drawing under the smallest
     * all-ones bit mask covering {@code max} and rejecting values above it. No draw when max is 0;
     * 64-bit draws (high word first) when max does not fit in 32 bits.
     */
    public long randomInterval(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("random_interval max must be >= 0, got " + max);
        }
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        long value;
        if (max <= 0xFFFF_FFFFL) {
            do {
                value = next32() & 0xFFFF_FFFFL & mask;
            } while (value > max);
        } else {
            do {
                long high = next32() & 0xFFFF_FFFFL;
                long low = next32() & 0xFFFF_FFFFL;
                value = ((high << 32) | low) & mask;
            } while (value > max);
        }
        return value;
    }

    /** How many 32-bit words have been drawn since seeding. */
    public long draws() {
        return draws;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & UPPER_MASK) | (state[(i + 1) % N] & LOWER_MASK);
            state[i] = state[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        position = 0;
    }
}
