package io.lrsweep.job.run;

/**
 * Driver-side callbacks of a run, for the console. Per-trial progress comes from Spark's own
 * listener events (see the accumulator names below), which keeps the driver free of polling.
 */
public interface RunListener {

    /** Named accumulators each trial task adds 1 to: read them from SparkListenerTaskEnd. */
    String DONE_ACCUMULATOR = "lrsweep.trials.done";
    String DIVERGED_ACCUMULATOR = "lrsweep.trials.diverged";
    String FAILED_ACCUMULATOR = "lrsweep.trials.failed";

    /** Before the first wave: trials in the sweep, and how many were already finished (resume). */
    void onStart(int totalTrials, int alreadyFinished);

    /** After a wave's Parquet commit. */
    void onWaveCommitted(int wave, int trialsInWave, int finishedSoFar);

    RunListener NONE = new RunListener() {
        @Override
        public void onStart(int totalTrials, int alreadyFinished) {}

        @Override
        public void onWaveCommitted(int wave, int trialsInWave, int finishedSoFar) {}
    };
}
