package io.lrsweep.job.cli;

import io.lrsweep.job.run.PhaseListener;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints the progress line on stderr from a daemon thread: rewritten in place with {@code \r}
 * twice a second on a terminal; otherwise (a log file, CI) a new line every few seconds, and only
 * when the count moved, so that a log stays readable. When training ends ({@link #endRun()}) the
 * line is printed a last time, at 100%, and stays; later phases ({@link #phase}) show as a line of
 * their own with the time they have taken.
 */
final class ProgressPrinter implements AutoCloseable, PhaseListener {

    static final long TERMINAL_PERIOD_MILLIS = 500;
    static final long LOG_PERIOD_MILLIS = 5000;

    private final TrialProgress progress;
    private final PrintWriter err;
    private final boolean terminal;
    private final ScheduledExecutorService timer;
    private int lastWidth;
    private long lastPrinted = -1;
    private boolean runEnded;
    private String phase;
    private long phaseStart;
    /** The phase came before training (Spark's start): shown on a terminal only, and cleared when it ends. */
    private boolean phaseBeforeRun;
    private final long ticksPerPrint;
    private long ticks;

    ProgressPrinter(TrialProgress progress, PrintWriter err, boolean terminal) {
        this.progress = progress;
        this.err = err;
        this.terminal = terminal;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lrsweep-progress");
            t.setDaemon(true);
            return t;
        });
        this.ticksPerPrint = (terminal ? TERMINAL_PERIOD_MILLIS : LOG_PERIOD_MILLIS) / TERMINAL_PERIOD_MILLIS;
        // The rate is sampled every half second whatever is printed, so that it settles quickly.
        timer.scheduleAtFixedRate(this::tick, TERMINAL_PERIOD_MILLIS, TERMINAL_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Whether stderr is a terminal that can rewrite a line ({@code System.console()} needs stdin and stdout on one). */
    static boolean stderrIsTerminal() {
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    private synchronized void tick() {
        ticks++;
        if (phase != null && !runEnded && progress.snapshot().started()) {
            finishPhase(); // a phase before training (Spark's start) ends when training starts
        }
        if (phase != null) {
            if (terminal) {
                rewrite(phaseLine());
            }
            return;
        }
        if (runEnded) {
            return;
        }
        TrialProgress.Snapshot s = progress.sample(System.nanoTime());
        if (!s.started() || ticks % ticksPerPrint != 0 || (!terminal && s.epochsDone() == lastPrinted)) {
            return;
        }
        lastPrinted = s.epochsDone();
        if (terminal) {
            rewrite(line(s));
        } else {
            err.println(line(s));
            err.flush();
        }
    }

    private void rewrite(String line) {
        int pad = Math.max(0, lastWidth - line.length());
        err.print("\r" + line + " ".repeat(pad));
        lastWidth = line.length();
        err.flush();
    }

    /** "trials 120/400 (30%) | 24,000/80,000 trial-epochs | 3.2 trials/s | ETA 1m27s | diverged 4". */
    static String line(TrialProgress.Snapshot s) {
        long done = s.resumed() + s.finished();
        StringBuilder b = new StringBuilder();
        b.append("trials ").append(done).append('/').append(s.total()).append(" (").append(s.percent()).append("%)");
        b.append(" | ").append(String.format(Locale.ROOT, "%,d/%,d trial-epochs", s.epochsDone(), s.epochsPlanned()));
        double rate = s.trialsPerSecond();
        b.append(" | ").append(Double.isNaN(rate) ? "--" : String.format(Locale.ROOT, rate < 10 ? "%.2f" : "%.0f", rate))
                .append(" trials/s");
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

    /** Training is over: prints the final line (100% once the counts are settled) and stops the progress line. */
    synchronized void endRun() {
        if (runEnded) {
            return;
        }
        runEnded = true;
        TrialProgress.Snapshot s = progress.snapshot();
        if (!s.started()) {
            return;
        }
        String line = line(s);
        if (terminal) {
            rewrite(line);
            err.print("\n");
            lastWidth = 0;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /**
     * A new phase with no counts of its own. Before training (Spark's start) it shows on a terminal
     * only, with its time, and is cleared when training starts; after training (the analysis, the
     * report) it ends the progress line and is a line of its own, with its time, in a log too.
     */
    @Override
    public synchronized void phase(String description) {
        finishPhase();
        phaseBeforeRun = !progress.snapshot().started();
        if (!phaseBeforeRun) {
            endRun();
        }
        phase = description;
        phaseStart = System.nanoTime();
        if (terminal) {
            rewrite(phaseLine());
        } else if (!phaseBeforeRun) {
            err.println(description + " ...");
            err.flush();
        }
    }

    private String phaseLine() {
        return phase + " ... " + Durations.format((System.nanoTime() - phaseStart) / 1_000_000_000L);
    }

    private void finishPhase() {
        if (phase == null) {
            return;
        }
        if (phaseBeforeRun) {
            // A start-up step: it leaves no line behind (an error, or the progress line, comes next).
            if (terminal && lastWidth > 0) {
                err.print("\r" + " ".repeat(lastWidth) + "\r");
                err.flush();
                lastWidth = 0;
            }
            phase = null;
            return;
        }
        String took = String.format(Locale.ROOT, "%.1fs", (System.nanoTime() - phaseStart) / 1e9);
        if (terminal) {
            rewrite(phase + " ... done in " + took);
            err.print("\n");
            lastWidth = 0;
        } else {
            err.println(phase + ": done in " + took);
        }
        err.flush();
        phase = null;
    }

    /** Ends a rewritten line without a final state (an interrupted run), so that what follows starts on its own line. */
    synchronized void abandon() {
        timer.shutdownNow();
        runEnded = true;
        if (terminal && lastWidth > 0) {
            err.print("\n");
            err.flush();
            lastWidth = 0;
        }
        phase = null;
    }

    /** Stops the timer, ending the progress line and the last phase. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        endRun();
        finishPhase();
    }
}
