package io.lrsweep.core.model;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * The child process of {@code ElementaryJvmFlagsTest}: computes every {@link Elementary} function
 * over {@link ElementaryInputs#forFunction} arguments, scalar and on each requested vector species,
 * and prints one line per result set: {@code function scalar hash} and
 * {@code function species hash mismatches firstMismatch}, plus {@code lanes n} (the preferred
 * species' lane count). Arguments: count, seed, then species names
 * ({@link ElementaryLanesRunner#SPECIES}), each optionally followed by {@code +alloc}: then also
 * {@code alloc function species bytesPerValue}, what a hot loop over the function allocates once
 * C2 has compiled it (0 unless C2 failed to inline {@link ElementaryLanes} and boxed vectors; "-"
 * for a species wider than the hardware's, which the Vector API emulates in Java).
 * One JVM per species keeps C2's type profiles of {@link ElementaryLanes} to one vector class, as
 * in the engine (mixing species in one JVM makes the methods megamorphic and slow, not wrong).
 */
public final class ElementaryHashMain {
    private ElementaryHashMain() {}

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        StringBuilder report = new StringBuilder();
        if (args.length > 2) {
            report.append("lanes ").append(ElementaryLanesRunner.preferredLanes()).append('\n');
        }
        for (String function : ElementaryInputs.FUNCTIONS) {
            double[] in = ElementaryInputs.forFunction(function, n, seed);
            double[] scalar = ElementaryInputs.applyScalar(function, in);
            report.append(function).append(" scalar ").append(ElementaryInputs.hash(scalar)).append('\n');
            for (int s = 2; s < args.length; s++) {
                String species = args[s].replace("+alloc", "");
                double[] lanes = ElementaryLanesRunner.apply(function, species, in);
                int mismatches = 0;
                String first = "-";
                for (int i = 0; i < n; i++) {
                    if (ElementaryInputs.canonicalBits(lanes[i]) != ElementaryInputs.canonicalBits(scalar[i])) {
                        if (mismatches++ == 0) {
                            first = "x=" + Double.toHexString(in[i]) + ",lane=" + Double.toHexString(lanes[i])
                                    + ",scalar=" + Double.toHexString(scalar[i]);
                        }
                    }
                }
                report.append(function).append(' ').append(species).append(' ').append(ElementaryInputs.hash(lanes))
                        .append(' ').append(mismatches).append(' ').append(first).append('\n');
                if (args[s].endsWith("+alloc")) {
                    // A species wider than the hardware's runs the Vector API's Java fallback.
                    int width = ElementaryLanesRunner.lanes(species);
                    boolean intrinsified = width <= ElementaryLanesRunner.preferredLanes();
                    String bytes = intrinsified ? Double.toString(allocatedPerValue(function, species)) : "-";
                    report.append("alloc ").append(function).append(' ').append(species).append(' ').append(bytes)
                            .append('\n');
                }
            }
        }
        System.out.print(report);
    }

    /**
     * Bytes allocated per value by a loop of the function over 1024 values: the least of repeated
     * measurements, until one allocates nothing or 30 s have passed (C2 may still be compiling;
     * a loop whose compiled code boxes vectors never gets to 0).
     */
    private static double allocatedPerValue(String function, String species) {
        double[] in = ElementaryInputs.forFunction(function, 1024, 3);
        double[] out = new double[in.length];
        int f = ElementaryLanesRunner.functionIndex(function);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        double least = Double.MAX_VALUE;
        while (least > 0 && System.nanoTime() < deadline) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100; i++) {
                ElementaryLanesRunner.applyInto(f, species, in, out);
            }
            least = Math.min(least, (threads.getCurrentThreadAllocatedBytes() - before) / (100.0 * in.length));
        }
        return least;
    }
}
