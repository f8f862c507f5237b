package io.lrsweep.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CPU the run was on, from /proc/cpuinfo where there is one. */
final class Machine {
    private Machine() {}

    /** The first "cpu MHz" of /proc/cpuinfo (on a VM usually the nominal clock), or NaN. */
    static double cpuMhz() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("cpu MHz")) {
                    return Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or no clock given: unknown
        }
        return Double.NaN;
    }

    static String describe() {
        String model = "unknown CPU";
        String flags = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name") && model.equals("unknown CPU")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                }
                if (line.startsWith("flags") && flags.isEmpty()) {
                    flags = line;
                }
            }
        } catch (IOException e) {
            // not Linux: the model stays unknown
        }
        String simd = flags.contains(" avx512f") ? "AVX-512" : flags.contains(" avx2") ? "AVX2" : "SSE";
        return model + ", " + Runtime.getRuntime().availableProcessors() + " cores visible, " + simd
                + (flags.contains(" fma") ? " + FMA" : "") + ", " + (Runtime.getRuntime().maxMemory() >> 20) + " MB max heap (report JVM)";
    }
}
