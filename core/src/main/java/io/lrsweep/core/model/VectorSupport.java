package io.lrsweep.core.model;

/**
 * Whether this JVM runs the Vector API arithmetic ({@link VectorOps}): Java 17's Vector API is the
 * incubator module {@code jdk.incubator.vector}, present only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (conf/jvm-flags and scripts/submit add it). This class
 * must not touch the module's classes itself, so that asking is safe on any JVM.
 *
 * <p>The Vector API runs where vectors hold at least 4 doubles (AVX2, AVX-512, and the like); at
 * 2 (SSE only) Java 17 compiles too little of it into vector instructions to beat plain Java. The
 * system property {@code lrsweep.kernel} overrides: {@code plain} or {@code vector}. The results
 * are the same bits whichever runs.
 */
public final class VectorSupport {
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorSupport() {}

    /** Whether the JVM has the module. */
    public static boolean available() {
        return AVAILABLE;
    }

    /** Whether kernels run on the Vector API (see the class comment). */
    public static boolean enabled() {
        String forced = System.getProperty("lrsweep.kernel");
        if (!AVAILABLE || "plain".equals(forced)) {
            return false;
        }
        return "vector".equals(forced) || VectorWidth.lanes() >= 4;
    }

    /** Doubles per vector at the JVM's preferred width, or 0 without the module. */
    public static int lanes() {
        return AVAILABLE ? VectorWidth.lanes() : 0;
    }

    /** A new {@link VectorOps}; only call when {@link #available()}. */
    static Ops vectorOps() {
        return new VectorOps();
    }

    /** Loaded only when the module is there. */
    private static final class VectorWidth {
        static int lanes() {
            return jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
        }
    }
}
