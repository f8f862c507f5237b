package io.lrsweep.job.run;

import io.lrsweep.core.train.TrialStatus;
import org.apache.spark.api.java.JavaRDD;

import java.util.Map;

/**
 * Trials by how they ended, counted over the rows a wave commits: the wave's outcomes (an RDD
 * holds each trial once, however often a lost partition is recomputed). Spark's accumulators
 * cannot give these exactly: a partition recomputed after an executor was lost adds to them again.
 */
record StatusCounts(int ok, int diverged, int failed) {

    static final StatusCounts NONE = new StatusCounts(0, 0, 0);

    /** The counts of a wave's outcomes, the very rows its trials table holds (one small Spark job on cached data). */
    static StatusCounts of(JavaRDD<TrialOutcome> outcomes) {
        int ok = 0;
        int diverged = 0;
        int failed = 0;
        // One task: the outcomes are cached and a status is a few bytes.
        for (Map.Entry<String, Long> e : outcomes.map(o -> o.result().status().label).coalesce(1).countByValue().entrySet()) {
            int n = (int) (long) e.getValue();
            String status = e.getKey();
            if (TrialStatus.OK.label.equals(status)) {
                ok += n;
            } else if (TrialStatus.DIVERGED.label.equals(status)) {
                diverged += n;
            } else {
                failed += n;
            }
        }
        return new StatusCounts(ok, diverged, failed);
    }

    StatusCounts plus(StatusCounts other) {
        return new StatusCounts(ok + other.ok, diverged + other.diverged, failed + other.failed);
    }
}
