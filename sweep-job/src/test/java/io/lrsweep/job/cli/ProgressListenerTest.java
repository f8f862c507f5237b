package io.lrsweep.job.cli;

import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.SharedSpark;
import io.lrsweep.job.run.RunListener;
import io.lrsweep.job.run.RunOptions;
import io.lrsweep.job.run.RunSummary;
import io.lrsweep.job.run.SweepRunner;
import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.BlobsSpec;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The progress listener on real Spark events: a running task's trial-epochs arrive with the
 * executor heartbeats (the shared test session beats every second, as lrsweep's local sessions do),
 * and the final counts with the task's end.
 */
class ProgressListenerTest {

    /** Opened by the test once the driver has seen the running task's count (local mode: one JVM). */
    private static final CountDownLatch SEEN = new CountDownLatch(1);

    @Test
    void aRunningTasksTrialEpochsArriveWithHeartbeatsAndItsFinalCountsWithItsEnd() throws Exception {
        SparkContext sc = SharedSpark.session().sparkContext();
        TrialProgress progress = new TrialProgress();
        progress.onStart(6, 0, 60);
        ProgressListener listener = new ProgressListener(progress);
        sc.addSparkListener(listener);
        try {
            LongAccumulator epochs = sc.longAccumulator(RunListener.EPOCHS_ACCUMULATOR);
            LongAccumulator done = sc.longAccumulator(RunListener.DONE_ACCUMULATOR);
            LongAccumulator diverged = sc.longAccumulator(RunListener.DIVERGED_ACCUMULATOR);
            LongAccumulator other = sc.longAccumulator("not.lrsweep");
            CompletableFuture<Void> job = CompletableFuture.runAsync(() ->
                    JavaSparkContext.fromSparkContext(sc).parallelize(List.of(1), 1).foreach(i -> {
                        epochs.add(25); // what the trainer's EpochListener adds after each epoch
                        other.add(100);
                        // Hold the task until the driver has seen the 25 through a heartbeat.
                        SEEN.await(60, TimeUnit.SECONDS);
                        epochs.add(35);
                        done.add(6);
                        diverged.add(2);
                    }));
            Polling.until("a heartbeat carrying the running task's 25 trial-epochs", 60, () -> progress.snapshot().epochsDone() == 25);
            assertEquals(0, progress.snapshot().finished(), "the task is still running");
            SEEN.countDown();
            job.get(60, TimeUnit.SECONDS);
            Polling.until("the task's end", 20, () -> progress.snapshot().finished() == 6);
            TrialProgress.Snapshot s = progress.snapshot();
            assertEquals(60, s.epochsDone());
            assertEquals(2, s.diverged());
            assertEquals(0, s.failed());
        } finally {
            sc.removeSparkListener(listener);
        }
    }

    /**
     * The real path: the runner's tasks add a fused group's trial-epochs after every epoch, so the
     * progress moves while the group (one task) trains, long before the task ends.
     */
    @Test
    void progressMovesWithinAFusedGroup(@TempDir Path tmp) throws Exception {
        SweepSpec spec = SweepParser.parse("""
                { "name": "one-group", "dataset": { "kind": "blobs" }, "training": { "epochs": 3000 },
                  "grid": { "learning_rate": { "min": 1e-4, "max": 1e-1, "points": 16 } }, "seeds": 1 }""");
        SparkContext sc = SharedSpark.session().sparkContext();
        TrialProgress progress = new TrialProgress();
        ProgressListener listener = new ProgressListener(progress);
        sc.addSparkListener(listener);
        try {
            CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() -> SweepRunner.run(SharedSpark.session(), spec,
                    Blobs.generate((BlobsSpec) spec.dataset()), new RunOptions(tmp.resolve("out").toString(), false, false, 16),
                    progress));
            long planned = 16 * 3000;
            long intermediate = -1;
            // Observe (not synchronise): what the progress shows while the one task of 16 trials trains.
            while (!run.isDone()) {
                TrialProgress.Snapshot s = progress.snapshot();
                if (s.epochsDone() > 0 && s.epochsDone() < planned && s.finished() == 0) {
                    intermediate = s.epochsDone();
                }
                Thread.sleep(20);
            }
            RunSummary summary = run.get();
            assertEquals(16, summary.ran());
            assertTrue(intermediate > 0, "a count between 0 and " + planned + " while the group trained, got " + intermediate);
        } finally {
            sc.removeSparkListener(listener);
        }
    }

    /** Waits for an observable condition with a deadline (never a fixed sleep). */
    private static final class Polling {
        static void until(String what, int seconds, java.util.function.BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
                }
                Thread.sleep(20);
            }
        }
    }
}
