package io.lrsweep.job.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints the progress line on stderr from a daemon thread: rewritten in place with {@code \r}
 * twice a second on a terminal; otherwise (a log file, CI) a new line every few seconds, and only
 * when the count moved, so that a log stays readable.
 */
final class ProgressPrinter implements AutoCloseable {

    static final long TERMINAL_PERIOD_MILLIS = 500;
    static final long LOG_PERIOD_MILLIS = 5000;

    private final TrialProgress progress;
    private final PrintWriter err;
    private final boolean terminal;
    private final ScheduledExecutorService timer;
    private int lastWidth;
    private long lastPrinted = -1;

    ProgressPrinter(TrialProgress progress, PrintWriter err, boolean terminal) {
        this.progress = progress;
        this.err = err;
        this.terminal = terminal;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lrsweep-progress");
            t.setDaemon(true);
            return t;
        });
        long period = terminal ? TERMINAL_PERIOD_MILLIS : LOG_PERIOD_MILLIS;
        timer.scheduleAtFixedRate(this::print, period, period, TimeUnit.MILLISECONDS);
    }

    /** Whether stderr is a terminal that can rewrite a line ({@code System.console()} needs stdin and stdout on one). */
    static boolean stderrIsTerminal() {
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    private synchronized void print() {
        TrialProgress.Snapshot s = progress.snapshot();
        if (!s.started() || (!terminal && s.finished() == lastPrinted)) {
            return;
        }
        lastPrinted = s.finished();
        String line = line(s);
        if (terminal) {
            int pad = Math.max(0, lastWidth - line.length());
            err.print("\r" + line + " ".repeat(pad));
            lastWidth = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** "trials 120/400 (30%) | 3.2 trials/s | ETA 1m27s | diverged 4". */
    static String line(TrialProgress.Snapshot s) {
        long done = s.resumed() + s.finished();
        StringBuilder b = new StringBuilder();
        b.append("trials ").append(done).append('/').append(s.total());
        if (s.total() > 0) {
            b.append(" (").append(done * 100 / s.total()).append("%)");
        }
        double rate = s.rate();
        b.append(" | ").append(String.format(Locale.ROOT, rate < 10 ? "%.2f" : "%.0f", rate)).append(" trials/s");
        long eta = s.etaSeconds();
        b.append(" | ETA ").append(eta < 0 ? "--" : Durations.format(eta));
        b.append(" | diverged ").append(s.diverged());
        if (s.failed() > 0) {
            b.append(" | failed ").append(s.failed());
        }
        if (s.resumed() > 0) {
            b.append(" | resumed ").append(s.resumed());
        }
        return b.toString();
    }

    /** Stops the timer and prints the last state, ending the rewritten line. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        TrialProgress.Snapshot s = progress.snapshot();
        if (!s.started()) {
            return;
        }
        String line = line(s);
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())) + "\n");
        } else if (s.finished() != lastPrinted) {
            err.println(line);
        }
        err.flush();
    }
}
