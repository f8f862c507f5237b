package io.lrsweep.job.run;

import io.lrsweep.core.train.TrialStatus;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Trials by how they ended, counted in the {@code trials/} rows a wave commits. Spark's
 * accumulators cannot give these exactly: a partition recomputed after an executor was lost (its
 * cached outcomes with it) adds to them again.
 */
record StatusCounts(int ok, int diverged, int failed) {

    static final StatusCounts NONE = new StatusCounts(0, 0, 0);

    /** The counts of a trials table written by the runner (one small Spark job). */
    static StatusCounts of(SparkSession spark, String trialsDir) {
        int ok = 0;
        int diverged = 0;
        int failed = 0;
        for (Row r : spark.read().parquet(trialsDir).groupBy("status").count().collectAsList()) {
            int n = (int) r.getLong(1);
            String status = r.getString(0);
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
