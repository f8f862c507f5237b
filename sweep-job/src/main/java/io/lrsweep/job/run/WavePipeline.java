package io.lrsweep.job.run;

import io.lrsweep.core.sweep.TrialGroups;
import io.lrsweep.core.sweep.TrialSpec;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Waves in flight: each is one Spark job (one task per few groups, see {@link WaveTask}) submitted
 * asynchronously, up to {@value #IN_FLIGHT} at a time, so that while the driver writes a finished
 * wave's trials/ file and commits it, the next wave's tasks already train (Spark's FIFO scheduler
 * runs the older wave's tasks first, then fills free cores with the next wave's). Waves commit in
 * the order they were submitted.
 */
final class WavePipeline {

    /** Waves submitted and not yet committed; a crash loses at most these. */
    static final int IN_FLIGHT = 2;

    /** A committed wave: its files, and its trials' rows as the tasks returned them. */
    record Committed(CommittedWaves.Wave wave, List<TrialRow> rows) {}

    private record InFlight(int wave, List<TrialSpec> trials, JavaFutureAction<List<TrialRow>> rows) {}

    private final JavaSparkContext jsc;
    private final OutputLayout layout;
    private final Configuration conf;
    private final HadoopConf shippedConf;
    private final Broadcast<PreparedData> data;
    private final RunCounters counters;
    private final Deque<InFlight> inFlight = new ArrayDeque<>();

    WavePipeline(JavaSparkContext jsc, OutputLayout layout, Broadcast<PreparedData> data, RunCounters counters) {
        this.jsc = jsc;
        this.layout = layout;
        this.conf = jsc.hadoopConfiguration();
        this.shippedConf = new HadoopConf(conf);
        this.data = data;
        this.counters = counters;
    }

    boolean full() {
        return inFlight.size() >= IN_FLIGHT;
    }

    boolean isEmpty() {
        return inFlight.isEmpty();
    }

    /**
     * Submits a wave's job. Its groups go to at most twice as many tasks as the cluster has cores:
     * enough to balance uneven groups, and one curves file per task keeps the files per wave bounded.
     */
    void submit(int wave, List<TrialSpec> trials) {
        List<List<TrialSpec>> groups = TrialGroups.of(trials, TrialGroups.MAX_PER_GROUP);
        int tasks = Math.max(1, Math.min(groups.size(), 2 * jsc.defaultParallelism()));
        jsc.setJobGroup("lrsweep-wave-" + wave, "lrsweep wave " + wave + " (" + trials.size() + " trials, "
                + groups.size() + " groups, " + tasks + " tasks)", true);
        try {
            WaveTask task = new WaveTask(data, new Path(layout.staging(wave), "curves"), shippedConf, counters);
            inFlight.add(new InFlight(wave, trials, jsc.parallelize(groups, tasks)
                    .mapPartitionsWithIndex(task, false).collectAsync()));
        } finally {
            jsc.clearJobGroup();
        }
    }

    /**
     * Waits for the oldest wave, writes its trials/ file from the rows the tasks returned and commits
     * it, then tells {@code committed}, still under the {@link CommitGate}, so that a signal never
     * sees the files committed and the count not yet updated.
     *
     * @throws ExecutionException when its job failed (a task failed more often than Spark retries)
     */
    void commitOldest(java.util.function.Consumer<Committed> committed)
            throws IOException, ExecutionException, InterruptedException {
        InFlight w = inFlight.poll();
        List<TrialRow> rows = w.rows().get();
        checkExactlyOnce(w, rows);
        List<Row> table = new ArrayList<>(rows.size());
        for (TrialRow r : rows) {
            table.add(r.toRow());
        }
        ParquetRows.write(conf, new Path(new Path(layout.staging(w.wave()), "trials"), "part-t.parquet"), Schemas.TRIALS, table);
        CommitGate.during(() -> committed.accept(new Committed(layout.commit(w.wave(), !inFlight.isEmpty()), rows)));
    }

    /** Cancels every job in flight (after a failure); their staged files are removed by the next run. */
    void cancelAll() {
        for (InFlight w : inFlight) {
            w.rows().cancel(true);
        }
        inFlight.clear();
    }

    /** The tasks returned each trial of the wave once: collect keeps one result per partition, retries or not. */
    private static void checkExactlyOnce(InFlight w, List<TrialRow> rows) {
        Set<String> expected = new HashSet<>();
        for (TrialSpec t : w.trials()) {
            expected.add(t.trialId());
        }
        Set<String> got = new HashSet<>();
        for (TrialRow r : rows) {
            got.add(r.trialId());
        }
        if (rows.size() != w.trials().size() || !got.equals(expected)) {
            throw new IllegalStateException("wave " + w.wave() + " returned " + rows.size() + " rows for "
                    + w.trials().size() + " trials (" + got.size() + " distinct): not committed");
        }
    }
}
