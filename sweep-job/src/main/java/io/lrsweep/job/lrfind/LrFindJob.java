package io.lrsweep.job.lrfind;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.lrfind.LrFinderResult;
import io.lrsweep.core.lrfind.LrFinderSpec;
import io.lrsweep.core.lrfind.LrFinder;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.TrialSpec;
import io.lrsweep.job.table.SweepDirectory;
import io.lrsweep.job.run.PreparedData;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code lrsweep lr-find}: core's learning-rate range test for each optimizer/setup of a sweep and
 * each of its seeds, one Spark task per test, against the sweep's training rows (split exactly as
 * {@code run} splits them). Writes {@code lr_find/curve} and {@code lr_find/summary} under the
 * output directory, replacing earlier ones and touching nothing else, so it can run before or after
 * {@code run} on the same directory; the report picks the tables up when they are there.
 */
public final class LrFindJob {
    private LrFindJob() {}

    public static LrFindSummary run(SparkSession spark, SweepSpec spec, Dataset data, String outDir, LrFinderSpec finder) {
        SweepDirectory dir = new SweepDirectory(spark.sparkContext().hadoopConfiguration(), outDir);
        List<LrFindTask> tasks = tasks(spec);
        PreparedData prepared = PreparedData.of(data, spec.dataset());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Dataset> train = jsc.broadcast(prepared.train());
        jsc.setJobGroup("lrsweep-lr-find", "lrsweep lr-find (" + tasks.size() + " range tests)", false);
        LrFindTask.Finder settings = LrFindTask.Finder.of(finder);
        JavaRDD<LrFindTask.Outcome> outcomes = jsc.parallelize(tasks, tasks.size()).map(t -> {
            LrFinderResult r = LrFinder.run(settings.spec(), t.settings(), train.value(), t.seed());
            return new LrFindTask.Outcome(t, r);
        });
        // Both tables come from the same tests: keep them so the second write does not rerun them.
        outcomes.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            spark.createDataFrame(outcomes.flatMap(o -> o.curveRows().iterator()), LrFindSchemas.CURVE_SCHEMA)
                    .write().mode(SaveMode.Overwrite).parquet(dir.uri(LrFindSchemas.CURVE));
            spark.createDataFrame(outcomes.map(o -> o.summaryRow(settings)).coalesce(1), LrFindSchemas.SUMMARY_SCHEMA)
                    .write().mode(SaveMode.Overwrite).parquet(dir.uri(LrFindSchemas.SUMMARY));
        } finally {
            outcomes.unpersist(false);
            train.destroy();
            jsc.clearJobGroup();
        }
        // One row per test: small, read back from what was written.
        return new LrFindSummary(dir.shown(""), dir.shown(LrFindSchemas.CURVE), dir.shown(LrFindSchemas.SUMMARY),
                tasks.size(), LrFindSuggestion.aggregate(LrFindTables.readings(dir, null)));
    }

    /** One test per (optimizer, momentum) of the sweep and seed, in the sweep's order. */
    static List<LrFindTask> tasks(SweepSpec spec) {
        Map<String, TrialSpec> setups = new LinkedHashMap<>();
        for (TrialSpec t : spec.trials()) {
            setups.putIfAbsent(LrFindSuggestion.label(t.optimizerName(), t.momentum()), t);
        }
        List<LrFindTask> tasks = new ArrayList<>();
        for (TrialSpec t : setups.values()) {
            for (long seed : spec.seeds()) {
                tasks.add(new LrFindTask(spec.name(), t.optimizerName(), t.momentum(), seed, t.settings()));
            }
        }
        return tasks;
    }
}
