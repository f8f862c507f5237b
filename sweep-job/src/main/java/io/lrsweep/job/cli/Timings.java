package io.lrsweep.job.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a command's seconds go, printed at its end when the environment variable
 * {@value #VARIABLE} is set: the JVM's start up to lrsweep's main, then each phase the command
 * marks (checks, Spark, data, training, report ...). For measuring start-up (scripts/bench), not
 * for everyday runs.
 */
final class Timings {

    static final String VARIABLE = "LRSWEEP_TIMINGS";

    private record Mark(String phase, long nanos) {}

    private final boolean enabled;
    private final long jvmStartMillis;
    private final long mainMillis;
    private final long mainNanos;
    private final List<Mark> marks = new ArrayList<>();

    private Timings(boolean enabled) {
        this.enabled = enabled;
        this.mainNanos = System.nanoTime();
        this.mainMillis = System.currentTimeMillis();
        this.jvmStartMillis = enabled ? ManagementFactory.getRuntimeMXBean().getStartTime() : mainMillis;
    }

    /** Timings of this command, recorded only when {@value #VARIABLE} is set. */
    static Timings fromEnvironment() {
        return new Timings(System.getenv(VARIABLE) != null);
    }

    /** The phase that just ended. */
    void mark(String phase) {
        if (enabled) {
            marks.add(new Mark(phase, System.nanoTime()));
        }
    }

    /** "timings: jvm 0.52s | checks 0.08s | spark 4.91s | ... | total 9.80s". */
    void print(PrintWriter err) {
        if (!enabled) {
            return;
        }
        StringBuilder b = new StringBuilder("timings: jvm ").append(seconds((mainMillis - jvmStartMillis) * 1_000_000L));
        long previous = mainNanos;
        for (Mark m : marks) {
            b.append(" | ").append(m.phase()).append(' ').append(seconds(m.nanos() - previous));
            previous = m.nanos();
        }
        b.append(" | total ").append(seconds((mainMillis - jvmStartMillis) * 1_000_000L + previous - mainNanos));
        err.println(b);
        err.flush();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2fs", nanos / 1e9);
    }
}
