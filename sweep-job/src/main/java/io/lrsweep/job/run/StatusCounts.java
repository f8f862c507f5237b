package io.lrsweep.job.run;

import io.lrsweep.core.train.TrialStatus;
import org.apache.spark.api.java.JavaRDD;

import java.util.Map;

/**
 * Trials by how they ended, counted over the rows a wave commits: the wave's outcomes (an RDD
 * holds each trial once, however often a lost partition is recomputed). Spark's accumulators
 * cannot give these exactly: a partition recomputed after an executor was lost adds to them again.
 */
record StatusCounts(int ok, int diverged, int saturated, int stalled, int failed) {

    static final StatusCounts NONE = new StatusCounts(0, 0, 0, 0, 0);

    /** The counts of a wave's outcomes, the very rows its trials table holds (one small Spark job on cached data). */
    static StatusCounts of(JavaRDD<TrialOutcome> outcomes) {
        int[] n = new int[TrialStatus.values().length];
        // One task: the outcomes are cached and a status is a few bytes.
        for (Map.Entry<String, Long> e : outcomes.map(o -> o.result().status().label).coalesce(1).countByValue().entrySet()) {
            for (TrialStatus s : TrialStatus.values()) {
                if (s.label.equals(e.getKey())) {
                    n[s.ordinal()] += (int) (long) e.getValue();
                }
            }
        }
        return new StatusCounts(n[TrialStatus.OK.ordinal()], n[TrialStatus.DIVERGED.ordinal()],
                n[TrialStatus.SATURATED.ordinal()], n[TrialStatus.STALLED.ordinal()], n[TrialStatus.FAILED.ordinal()]);
    }

    StatusCounts plus(StatusCounts other) {
        return new StatusCounts(ok + other.ok, diverged + other.diverged, saturated + other.saturated,
                stalled + other.stalled, failed + other.failed);
    }
}
