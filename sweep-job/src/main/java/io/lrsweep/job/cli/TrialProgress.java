package io.lrsweep.job.cli;

import io.lrsweep.job.run.RunListener;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The counts behind the progress line, fed from two threads: the runner's {@link RunListener}
 * calls (total, resumed, committed waves) and Spark's listener bus (trials finished by tasks).
 */
final class TrialProgress implements RunListener {

    /** What the progress line shows at one moment. */
    record Snapshot(int total, int resumed, long finished, long diverged, long failed, long committed, long elapsedNanos,
                    boolean started) {

        /** Trials finished in this run per second, 0 before the first one. */
        double rate() {
            return elapsedNanos > 0 ? finished / (elapsedNanos / 1e9) : 0.0;
        }

        /** Seconds until the rest is finished at the current rate, or -1 when unknown. */
        long etaSeconds() {
            long left = total - resumed - finished;
            double rate = rate();
            return rate > 0 ? Math.round(left / rate) : -1;
        }
    }

    private volatile int total;
    private volatile int resumed;
    private volatile long startNanos;
    private volatile boolean started;
    private final AtomicLong finished = new AtomicLong();
    private final AtomicLong diverged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();

    @Override
    public void onStart(int totalTrials, int alreadyFinished) {
        total = totalTrials;
        resumed = alreadyFinished;
        committed.set(alreadyFinished);
        startNanos = System.nanoTime();
        started = true;
    }

    @Override
    public void onWaveCommitted(int wave, int trialsInWave, int finishedSoFar) {
        committed.set(finishedSoFar);
    }

    /** Counts from one successful Spark task (the accumulator updates it carried). */
    void addTask(long doneTrials, long divergedTrials, long failedTrials) {
        finished.addAndGet(doneTrials);
        diverged.addAndGet(divergedTrials);
        failed.addAndGet(failedTrials);
    }

    /**
     * The run's final counts, from the runner's summary: Spark's listener bus delivers task events
     * asynchronously, so the last ones may not have arrived when the run returns.
     */
    void settle(long ran, long divergedTrials, long failedTrials) {
        finished.set(ran);
        diverged.set(divergedTrials);
        failed.set(failedTrials);
    }

    Snapshot snapshot() {
        // Committed waves are a floor (task events may lag); a re-run task (a lost executor)
        // counts again, so never show more than the sweep has.
        long done = Math.max(finished.get(), committed.get() - resumed);
        done = Math.min(done, Math.max(0, total - resumed));
        long elapsed = started ? System.nanoTime() - startNanos : 0;
        return new Snapshot(total, resumed, done, diverged.get(), failed.get(), committed.get(), elapsed, started);
    }
}
