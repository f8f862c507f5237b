package io.lrsweep.job.cli;

import io.lrsweep.job.SharedSpark;
import io.lrsweep.job.run.RunListener;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The listener sums the runner's named accumulators from real Spark task-end events. */
class ProgressListenerTest {

    @Test
    void countsTrialsFromTaskEndAccumulatorUpdates() throws InterruptedException {
        SparkContext sc = SharedSpark.session().sparkContext();
        TrialProgress progress = new TrialProgress();
        progress.onStart(6, 0);
        ProgressListener listener = new ProgressListener(progress);
        sc.addSparkListener(listener);
        try {
            LongAccumulator done = sc.longAccumulator(RunListener.DONE_ACCUMULATOR);
            LongAccumulator diverged = sc.longAccumulator(RunListener.DIVERGED_ACCUMULATOR);
            LongAccumulator other = sc.longAccumulator("not.lrsweep");
            JavaSparkContext.fromSparkContext(sc).parallelize(List.of(1, 2, 3, 4, 5, 6), 3).foreach(i -> {
                done.add(1);
                other.add(100);
                if (i % 3 == 0) {
                    diverged.add(1);
                }
            });
            // The listener bus is asynchronous: wait (bounded) for the last task events.
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (progress.snapshot().finished() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            TrialProgress.Snapshot s = progress.snapshot();
            assertEquals(6, s.finished());
            assertEquals(2, s.diverged());
            assertEquals(0, s.failed());
        } finally {
            sc.removeSparkListener(listener);
        }
    }
}
