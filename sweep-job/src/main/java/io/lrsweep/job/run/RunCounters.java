package io.lrsweep.job.run;

import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

import java.io.Serializable;

/**
 * The run's named accumulators, which trial tasks add to and the console's progress line reads
 * from Spark's listener events (see {@link RunListener}): while a task runs, from the executor
 * heartbeats; when it ends, from its final values. They are not exact (a recomputed task adds
 * again): the run's summary counts what was committed.
 */
record RunCounters(LongAccumulator trialEpochs, LongAccumulator done, LongAccumulator diverged,
                   LongAccumulator failed) implements Serializable {

    static RunCounters register(SparkContext sc) {
        return new RunCounters(sc.longAccumulator(RunListener.EPOCHS_ACCUMULATOR),
                sc.longAccumulator(RunListener.DONE_ACCUMULATOR),
                sc.longAccumulator(RunListener.DIVERGED_ACCUMULATOR),
                sc.longAccumulator(RunListener.FAILED_ACCUMULATOR));
    }
}
