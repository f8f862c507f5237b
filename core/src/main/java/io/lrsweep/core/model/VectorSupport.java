package io.lrsweep.core.model;

/**
 * Whether this JVM can run {@link LaneMlp}: Java 17's Vector API is the incubator module
 * {@code jdk.incubator.vector}, present only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (conf/jvm-flags and scripts/submit add it). This
 * class must not touch the module's classes itself, so that asking is safe on any JVM.
 */
public final class VectorSupport {
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorSupport() {}

    public static boolean available() {
        return AVAILABLE;
    }
}
