package io.lrsweep.core.random;

/**
 * The trial's own random numbers: SplitMix64 (Steele, Lea and Flood, 2014), written out here so
 * that the sequence is fixed by this file alone and never by a JDK version. Each use (weight
 * initialisation, batch shuffling, ...) gets its own stream derived from the trial seed and a
 * stream name, so adding a use never shifts another use's numbers.
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** An independent stream for {@code streamName} under {@code seed}. */
    public static SplitMix64 stream(long seed, String streamName) {
        long h = mix(seed ^ 0x6C72737765657031L); // "lrsweep1"
        for (int i = 0; i < streamName.length(); i++) {
            h = mix(h + streamName.charAt(i) * GOLDEN_GAMMA);
        }
        return new SplitMix64(h);
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound), unbiased (Lemire's multiply-and-reject). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFF_FFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFF_FFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Fisher-Yates shuffle of {@code a} in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
