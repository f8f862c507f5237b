package io.lrsweep.job.run;

/**
 * Driver-side callbacks of a run, for the console. Progress within waves comes from Spark's own
 * listener events (see the accumulator names below), which keeps the driver free of polling.
 */
public interface RunListener {

    /**
     * Named accumulators of the trial tasks: trial-epochs trained (after every epoch of a group,
     * topped up to the planned epochs when a group ends), trials finished, diverged, failed. Read
     * them from SparkListenerExecutorMetricsUpdate (running tasks, per heartbeat) and
     * SparkListenerTaskEnd (finished tasks).
     */
    String EPOCHS_ACCUMULATOR = "lrsweep.trial-epochs";
    String DONE_ACCUMULATOR = "lrsweep.trials.done";
    String DIVERGED_ACCUMULATOR = "lrsweep.trials.diverged";
    String FAILED_ACCUMULATOR = "lrsweep.trials.failed";

    /**
     * Before the first wave: trials in the sweep, how many were already finished (resume), and the
     * trial-epochs the rest will train (the sum of their epochs).
     */
    void onStart(int totalTrials, int alreadyFinished, long trialEpochsToRun);

    /** After a wave's Parquet commit: its trials are in trials/, {@code finishedSoFar} in all. */
    void onWaveCommitted(int wave, int trialsInWave, int finishedSoFar);

    /** Something the user should know before the run ends (a torn file set aside, a stale lock taken over). */
    default void onNote(String note) {}

    RunListener NONE = new RunListener() {
        @Override
        public void onStart(int totalTrials, int alreadyFinished, long trialEpochsToRun) {}

        @Override
        public void onWaveCommitted(int wave, int trialsInWave, int finishedSoFar) {}
    };
}
