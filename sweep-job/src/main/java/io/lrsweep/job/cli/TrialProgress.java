package io.lrsweep.job.cli;

import io.lrsweep.job.run.RunListener;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The counts behind the progress line, fed from two threads: the runner's {@link RunListener}
 * calls (the plan, committed waves) and Spark's listener bus (trial-epochs of running tasks from
 * executor heartbeats, finished tasks' final counts). Progress is measured in trial-epochs, so it
 * moves within a group of trials that trains for a minute as one task.
 */
final class TrialProgress implements RunListener {

    /** Rates are measured over about this long, so they settle in seconds and follow changes. */
    static final long WINDOW_NANOS = 10_000_000_000L;
    /** No rate (and no ETA) until progress has been seen over at least this long. */
    static final long MIN_SPAN_NANOS = 2_000_000_000L;

    /**
     * What the progress line shows at one moment.
     *
     * @param finished        trials finished in this run (their tasks ended)
     * @param epochsDone      trial-epochs trained in this run, running tasks included
     * @param epochsPlanned   trial-epochs this run trains in all
     * @param epochsPerSecond the recent rate, NaN while unknown
     */
    record Snapshot(int total, int resumed, long finished, long diverged, long failed, long committed, long epochsDone,
                    long epochsPlanned, double epochsPerSecond, boolean started) {

        /** Percent of the sweep done, by trial-epochs (resumed trials count as done). */
        long percent() {
            if (total == 0) {
                return 100;
            }
            double toRun = total - resumed;
            double fraction = epochsPlanned == 0 ? 1.0 : (double) epochsDone / epochsPlanned;
            return (long) Math.floor(100.0 * (resumed + toRun * fraction) / total);
        }

        /** Trials per second at the recent rate (trial-epochs per second over the mean epochs a trial plans). */
        double trialsPerSecond() {
            int toRun = total - resumed;
            if (Double.isNaN(epochsPerSecond) || toRun == 0 || epochsPlanned == 0) {
                return Double.NaN;
            }
            return epochsPerSecond / ((double) epochsPlanned / toRun);
        }

        /** Seconds until the rest is trained at the recent rate, or -1 while unknown. */
        long etaSeconds() {
            if (epochsDone >= epochsPlanned) {
                return 0;
            }
            return Double.isNaN(epochsPerSecond) || epochsPerSecond <= 0 ? -1
                    : Math.round((epochsPlanned - epochsDone) / epochsPerSecond);
        }
    }

    private record Sample(long nanos, long epochs) {}

    private int total;
    private int resumed;
    private long planned;
    private boolean started;
    private long finished;
    private long diverged;
    private long failed;
    private long committed;
    private long endedEpochs;
    private final Map<Long, Long> running = new HashMap<>();
    private final Deque<Sample> samples = new ArrayDeque<>();
    private boolean settled;

    @Override
    public synchronized void onStart(int totalTrials, int alreadyFinished, long trialEpochsToRun) {
        total = totalTrials;
        resumed = alreadyFinished;
        planned = trialEpochsToRun;
        committed = alreadyFinished;
        started = true;
    }

    @Override
    public synchronized void onWaveCommitted(int wave, int trialsInWave, int finishedSoFar) {
        committed = finishedSoFar;
    }

    /** A running task's trial-epochs so far (an executor heartbeat). */
    synchronized void taskProgress(long taskId, long trialEpochs) {
        running.put(taskId, trialEpochs);
    }

    /** A task that succeeded, with its final counts. */
    synchronized void taskEnded(long taskId, long trialEpochs, long doneTrials, long divergedTrials, long failedTrials) {
        running.remove(taskId);
        endedEpochs += trialEpochs;
        finished += doneTrials;
        diverged += divergedTrials;
        failed += failedTrials;
    }

    /** A task that failed: its work is redone by another attempt and counted then. */
    synchronized void taskFailed(long taskId) {
        running.remove(taskId);
    }

    /**
     * The run's final counts, from the runner's summary: Spark's listener bus delivers task events
     * asynchronously, so the last ones may not have arrived when the run returns.
     */
    synchronized void settle(long ran, long divergedTrials, long failedTrials) {
        settled = true;
        finished = ran;
        diverged = divergedTrials;
        failed = failedTrials;
        running.clear();
        endedEpochs = planned;
    }

    /** Trials of the grid committed so far (resumed ones included). */
    synchronized long committed() {
        return committed;
    }

    /** The state now, recording it for the rate (the printer calls this on its ticks). */
    synchronized Snapshot sample(long nanos) {
        long epochs = epochsDone();
        if (started && epochs > 0) {
            samples.addLast(new Sample(nanos, epochs));
            while (samples.size() > 2 && samples.peekFirst().nanos() < nanos - WINDOW_NANOS) {
                samples.removeFirst();
            }
        }
        return snapshot();
    }

    /** The state now, without recording it. */
    synchronized Snapshot snapshot() {
        long epochs = epochsDone();
        double rate = Double.NaN;
        if (samples.size() >= 2) {
            Sample first = samples.peekFirst();
            Sample last = samples.peekLast();
            if (last.nanos() - first.nanos() >= MIN_SPAN_NANOS) {
                rate = (last.epochs() - first.epochs()) / ((last.nanos() - first.nanos()) / 1e9);
            }
        }
        // Committed waves are a floor (task events may lag); a re-run task counts again, so cap at the sweep.
        long done = Math.min(Math.max(finished, committed - resumed), Math.max(0, total - resumed));
        return new Snapshot(total, resumed, done, diverged, failed, committed, epochs, planned, rate, started);
    }

    private long epochsDone() {
        long e = endedEpochs;
        for (long v : running.values()) {
            e += v;
        }
        return settled ? planned : Math.min(e, planned);
    }
}
