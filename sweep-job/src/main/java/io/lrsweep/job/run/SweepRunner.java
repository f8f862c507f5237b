package io.lrsweep.job.run;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.SweepWriter;
import io.lrsweep.core.sweep.TrialGroups;
import io.lrsweep.core.sweep.TrialSpec;
import io.lrsweep.core.train.Engine;
import io.lrsweep.core.train.EpochListener;
import io.lrsweep.core.train.TrialResult;
import io.lrsweep.core.train.TrialSettings;
import io.lrsweep.core.train.TrialStatus;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The driver side of a sweep: expands the grid, skips trials already in the output (resume),
 * and runs the rest in waves. Each group of trials that can be trained together (see
 * {@link TrialGroups}) is one Spark task that trains with {@code core}'s {@link Engine}
 * against the broadcast data; curves and summaries go straight from the
 * executors to Parquet, and the driver only ever collects trial ids and status counts.
 */
public final class SweepRunner {

    private SweepRunner() {}

    public static RunSummary run(SparkSession spark, SweepSpec spec, Dataset data, RunOptions options,
                                 RunListener listener) {
        OutputLayout layout = new OutputLayout(options.out(), spark.sparkContext().hadoopConfiguration());
        PreparedData prepared = PreparedData.of(data, spec.dataset());
        List<TrialSpec> all = spec.trials();
        layout.prepare(options);
        try {
            layout.writeText(layout.specFile(), SweepWriter.toJson(spec));
            layout.removeUncommitted();
            Set<String> finished = finishedIds(spark, layout);
            List<TrialSpec> pending = new ArrayList<>();
            for (TrialSpec t : all) {
                if (!finished.contains(t.trialId())) {
                    pending.add(t);
                }
            }
            // Fusable trials side by side, so that each wave holds whole groups (see TrialGroups).
            pending = TrialGroups.fusableOrder(pending);
            int resumed = all.size() - pending.size();
            listener.onStart(all.size(), resumed);

            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Broadcast<PreparedData> shared = jsc.broadcast(prepared);
            Counters counters = new Counters(spark);
            int wave = layout.nextWave();
            int done = resumed;
            StatusCounts ran = StatusCounts.NONE;
            for (int from = 0; from < pending.size(); from += options.waveSize()) {
                List<TrialSpec> batch = pending.subList(from, Math.min(pending.size(), from + options.waveSize()));
                ran = ran.plus(runWave(spark, jsc, layout, wave, batch, shared, counters));
                done += batch.size();
                listener.onWaveCommitted(wave, batch.size(), done);
                wave++;
            }
            shared.destroy();
            return new RunSummary(layout.root().toString(), all.size(), resumed, pending.size(),
                    ran.ok(), ran.diverged(), ran.saturated(), ran.stalled(), ran.failed());
        } catch (IOException e) {
            throw new OutputException("writing to " + layout.root() + " failed: " + e.getMessage(), e);
        }
    }

    /** Trains and commits one wave; returns its trials' statuses as committed. */
    private static StatusCounts runWave(SparkSession spark, JavaSparkContext jsc, OutputLayout layout, int wave,
                                        List<TrialSpec> trials, Broadcast<PreparedData> data, Counters counters)
            throws IOException {
        LongAccumulator done = counters.done;
        LongAccumulator diverged = counters.diverged;
        LongAccumulator failed = counters.failed;
        jsc.setJobGroup("lrsweep-wave-" + wave, "lrsweep wave " + wave + " (" + trials.size() + " trials)", false);
        // One task per group of trials that share a fusion key (the learning rates of one seed,
        // say), trained together by the fused kernel with the very bits each would get alone. A
        // group is a second or so of training: scheduling a task and opening its Parquet file
        // cost little next to it, and a lost executor costs at most the groups it was running.
        List<List<TrialSpec>> groups = TrialGroups.of(trials, TrialGroups.MAX_PER_GROUP);
        JavaRDD<TrialOutcome> outcomes = jsc.parallelize(groups, groups.size()).flatMap(group -> {
            PreparedData d = data.value();
            TrialSpec first = group.get(0);
            List<TrialSettings> settings = new ArrayList<>(group.size());
            for (TrialSpec t : group) {
                settings.add(t.settings());
            }
            // The fault hook picks trials by seed, which a group shares: one validation set for all.
            List<TrialResult> results = Engine.train(settings, d.train(), TrialFaults.validation(first, d),
                    first.seed(), EpochListener.NONE);
            List<TrialOutcome> out = new ArrayList<>(group.size());
            for (int i = 0; i < group.size(); i++) {
                TrialResult result = results.get(i);
                if (result.status() == TrialStatus.DIVERGED) {
                    diverged.add(1);
                } else if (result.status() == TrialStatus.FAILED) {
                    failed.add(1);
                }
                out.add(new TrialOutcome(group.get(i), result));
            }
            done.add(group.size());
            return out.iterator();
        });
        // Both tables come from the same outcomes: keep them so the second write does not retrain.
        outcomes.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            JavaRDD<Row> curveRows = outcomes.flatMap(TrialOutcome::curveRows);
            spark.createDataFrame(curveRows, Schemas.CURVES).write().mode(SaveMode.Overwrite)
                    .parquet(new org.apache.hadoop.fs.Path(layout.staging(wave), "curves").toString());
            JavaRDD<Row> trialRows = outcomes.map(TrialOutcome::trialRow).coalesce(1);
            String stagedTrials = new org.apache.hadoop.fs.Path(layout.staging(wave), "trials").toString();
            spark.createDataFrame(trialRows, Schemas.TRIALS).write().mode(SaveMode.Overwrite).parquet(stagedTrials);
            StatusCounts counts = StatusCounts.of(outcomes);
            layout.commit(wave);
            return counts;
        } finally {
            outcomes.unpersist(false);
            jsc.clearJobGroup();
        }
    }

    private static Set<String> finishedIds(SparkSession spark, OutputLayout layout) throws IOException {
        Set<String> ids = new HashSet<>();
        if (layout.hasTrials()) {
            for (Row r : spark.read().parquet(layout.trials().toString()).select("trial_id").distinct().collectAsList()) {
                ids.add(r.getString(0));
            }
        }
        return ids;
    }

    /**
     * Named accumulators, read by Spark listeners for the live progress line (see RunListener).
     * They are not exact (a recomputed partition adds again): the summary counts what was committed.
     */
    private static final class Counters {
        final LongAccumulator done;
        final LongAccumulator diverged;
        final LongAccumulator failed;

        Counters(SparkSession spark) {
            done = spark.sparkContext().longAccumulator(RunListener.DONE_ACCUMULATOR);
            diverged = spark.sparkContext().longAccumulator(RunListener.DIVERGED_ACCUMULATOR);
            failed = spark.sparkContext().longAccumulator(RunListener.FAILED_ACCUMULATOR);
        }
    }
}
