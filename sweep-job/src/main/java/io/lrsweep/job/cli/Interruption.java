package io.lrsweep.job.cli;

import io.lrsweep.job.run.CommitGate;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * SIGINT (Ctrl-C) and SIGTERM during a command: the command ends with one line saying what is kept
 * and how to go on ({@code interrupted; 48 trials committed; resume with: ...}) and the
 * conventional status, 130 or 143. Without this the JVM's own handler starts the shutdown at once:
 * Spark stops under the running job, which then fails with Spark's "[INTERNAL_ERROR]" and a stack
 * trace. Here the handler first quiets the logs, waits for a wave's commit in progress to finish
 * ({@link CommitGate}), prints the line, then exits; the main thread's failure that follows as Spark
 * stops is not reported ({@link #requested()}). A second signal ends the process at once.
 */
final class Interruption implements AutoCloseable {

    private static final AtomicBoolean REQUESTED = new AtomicBoolean();
    private static final long COMMIT_WAIT_MILLIS = 30_000;

    private final PrintWriter err;
    private final Supplier<String> message;
    private final Runnable beforeMessage;
    private final boolean verbose;
    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;

    private Interruption(PrintWriter err, Supplier<String> message, Runnable beforeMessage, boolean verbose) {
        this.err = err;
        this.message = message;
        this.beforeMessage = beforeMessage;
        this.verbose = verbose;
        this.previousInt = Signal.handle(new Signal("INT"), s -> handle(130));
        this.previousTerm = Signal.handle(new Signal("TERM"), s -> handle(143));
    }

    /**
     * Handles SIGINT and SIGTERM until closed.
     *
     * @param message       the line to print, e.g. "interrupted; 48 trials committed; resume with: ..."
     * @param beforeMessage run first (ends a progress line being rewritten)
     */
    static Interruption install(PrintWriter err, Supplier<String> message, Runnable beforeMessage, boolean verbose) {
        return new Interruption(err, message, beforeMessage, verbose);
    }

    /** Whether a signal ended the command: its failures are then the shutdown's, and are not reported. */
    static boolean requested() {
        return REQUESTED.get();
    }

    private void handle(int status) {
        if (!REQUESTED.compareAndSet(false, true)) {
            Runtime.getRuntime().halt(status);
        }
        if (!verbose) {
            // Spark logs its own shutdown (cancelled jobs, stopped contexts) at error level: not news here.
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.OFF);
        }
        beforeMessage.run();
        CommitGate.closeForExit(COMMIT_WAIT_MILLIS);
        err.println(message.get());
        err.flush();
        if (!verbose) {
            // Threads that Spark's shutdown cuts short print their stack traces straight to System.err.
            System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        }
        // Exit from a thread of our own: the signal dispatcher must return for a second signal to be seen.
        Thread exit = new Thread(() -> System.exit(status), "lrsweep-exit");
        exit.start();
    }

    @Override
    public void close() {
        if (!REQUESTED.get()) {
            Signal.handle(new Signal("INT"), previousInt);
            Signal.handle(new Signal("TERM"), previousTerm);
        }
    }
}
