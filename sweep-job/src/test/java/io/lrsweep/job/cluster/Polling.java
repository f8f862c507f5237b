package io.lrsweep.job.cluster;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for an observable condition (a log line, a file, a process), never for a fixed time. */
final class Polling {

    private static final long PERIOD_MILLIS = 100;

    private Polling() {}

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@code timeout}. */
    static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
