package io.lrsweep.job.run;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.SweepWriter;
import io.lrsweep.core.sweep.TrialGroups;
import io.lrsweep.core.sweep.TrialSpec;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * The driver side of a sweep, under the output directory's lock: expands the grid on the data's
 * content ({@link GridTrials}), verifies what is already committed ({@link CommittedWaves}: torn
 * waves are removed and rerun, trials of an earlier grid set aside), and runs the rest in waves
 * ({@link WavePipeline}): the executors train and write the curves, the driver writes each wave's
 * trials/ from the rows the tasks return and commits it while the next wave trains. The driver
 * never collects curves; it holds the grid's ids and a wave's summary rows.
 *
 * <p>Errors: {@link OutputException} (exit 2) only before anything is written; afterwards a failure
 * is a {@link RunFailedException} (exit 1) that says how many trials are committed.
 */
public final class SweepRunner {

    private SweepRunner() {}

    /** Runs {@code spec} on {@code data} (its columns named x0, x1, ...) under a lock of its own. */
    public static RunSummary run(SparkSession spark, SweepSpec spec, Dataset data, RunOptions options,
                                 RunListener listener) {
        return run(spark, spec, PreparedData.of(data, spec.dataset()), options, listener, null);
    }

    /**
     * Runs {@code spec} on {@code prepared}.
     *
     * @param lock the output directory's lock when the caller took it (the command line does, before
     *             Spark starts); null to take it here and release it at the end
     */
    public static RunSummary run(SparkSession spark, SweepSpec spec, PreparedData prepared, RunOptions options,
                                 RunListener listener, OutputLock lock) {
        return run(spark.sparkContext(), spec, prepared, options, listener, lock);
    }

    /** As {@link #run(SparkSession, SweepSpec, PreparedData, RunOptions, RunListener, OutputLock)}: training needs only the context. */
    public static RunSummary run(SparkContext sc, SweepSpec spec, PreparedData prepared, RunOptions options,
                                 RunListener listener, OutputLock lock) {
        OutputLayout layout = new OutputLayout(options.out(), sc.hadoopConfiguration());
        OutputLock held = lock != null ? lock : OutputLock.acquire(layout.fileSystem(), layout.root(), "run " + spec.name());
        try {
            if (held.tookOverFrom() != null) {
                listener.onNote("took over the lock left by " + held.tookOverFrom().describe() + ", which is no longer running");
            }
            return runLocked(sc, spec, prepared, options, listener, layout);
        } finally {
            if (lock == null) {
                held.close();
            }
        }
    }

    private static RunSummary runLocked(SparkContext sc, SweepSpec spec, PreparedData prepared, RunOptions options,
                                        RunListener listener, OutputLayout layout) {
        GridTrials grid = GridTrials.of(spec, prepared.contentSha256());
        Configuration conf = sc.hadoopConfiguration();
        layout.prepare(options);
        Tally tally = new Tally(grid);
        // From here on the directory is being written: a failure is exit 1 and says what is kept.
        try {
            layout.writeText(layout.specFile(), SweepWriter.toJson(spec));
            layout.writeText(layout.dataFile(), DataManifest.of(prepared, spec.dataset().standardize()).toJson());
            layout.removeUncommitted();
            CommittedWaves.Verification found = CommittedWaves.verify(layout, conf, tally::resumed);
            for (CommittedWaves.Problem p : found.problems()) {
                listener.onNote(p.describe() + ": wave " + p.wave() + " is removed and its trials run again");
            }
            CommittedWaves.remove(layout, found.bad());
            List<TrialSpec> pending = new ArrayList<>();
            long epochs = 0;
            for (TrialSpec t : grid.trials()) {
                if (!found.finishedIds().contains(t.trialId())) {
                    pending.add(t);
                    epochs += t.settings().training().epochs();
                }
            }
            // Fusable trials side by side, so that each wave holds whole groups (see TrialGroups).
            pending = TrialGroups.groupedOrder(pending);
            int resumed = grid.size() - pending.size();
            listener.onStart(grid.size(), resumed, epochs);
            List<CommittedWaves.Wave> committed = new ArrayList<>(found.good());
            runWaves(sc, layout, prepared, pending, options.waveSize(), listener, tally, committed);
            return tally.summary(layout, resumed, pending.size(), found, committed, grid);
        } catch (RunFailedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RunFailedException(WriteFailures.describe("writing to " + layout.shown(), e), tally.committed(), e);
        }
    }

    private static void runWaves(SparkContext sc, OutputLayout layout, PreparedData prepared, List<TrialSpec> pending,
                                 int waveSize, RunListener listener, Tally tally, List<CommittedWaves.Wave> committed)
            throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
        int size = waveSize == RunOptions.AUTO_WAVE_SIZE ? RunOptions.autoWaveSize(jsc.defaultParallelism()) : waveSize;
        Broadcast<PreparedData> shared = jsc.broadcast(prepared);
        WavePipeline pipeline = new WavePipeline(jsc, layout, shared, RunCounters.register(sc));
        int wave = layout.nextWave();
        int from = 0;
        try {
            while (from < pending.size() || !pipeline.isEmpty()) {
                while (from < pending.size() && !pipeline.full()) {
                    List<TrialSpec> batch = pending.subList(from, Math.min(pending.size(), from + size));
                    pipeline.submit(wave++, batch);
                    from += batch.size();
                }
                pipeline.commitOldest(done -> {
                    tally.ran(done.rows());
                    committed.add(done.wave());
                    listener.onWaveCommitted(done.wave().number(), done.rows().size(), tally.committed());
                });
            }
        } catch (ExecutionException e) {
            pipeline.cancelAll();
            throw new RunFailedException(WriteFailures.describe("training a wave", e.getCause()), tally.committed(), e.getCause());
        } catch (InterruptedException e) {
            pipeline.cancelAll();
            Thread.currentThread().interrupt();
            throw new RunFailedException("interrupted while waiting for a wave", tally.committed(), e);
        } catch (IOException | RuntimeException e) {
            pipeline.cancelAll();
            throw e;
        } finally {
            shared.destroy();
        }
    }
}
