package io.lrsweep.job.analysis;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.util.List;

/**
 * The sensitivity analysis of a sweep's {@code trials/} and {@code curves/}, in Spark: per-trial
 * metrics, per-setting statistics over seeds, the per-axis sensitivity table and the U-curve
 * summaries. Works on any tables with the {@code run} schemas, so tests can feed hand-made ones.
 */
public final class Analysis {

    /** Where the tables go, relative to the output directory. */
    public static final String SENSITIVITY = "sensitivity";
    public static final String UCURVE = "ucurve";

    private Analysis() {}

    /**
     * @param initialLoss one row per seed ({@link InitialLoss#SCHEMA}), or null when unknown (the LR
     *                    sensitivity and the useful region are then left empty)
     */
    public static AnalysisTables run(SparkSession spark, Dataset<Row> trials, Dataset<Row> curves,
                                     Dataset<Row> initialLoss, AnalysisOptions options) {
        trials.createOrReplaceTempView("lrsweep_a_trials");
        curves.createOrReplaceTempView("lrsweep_a_curves");
        if (initialLoss != null) {
            initialLoss.createOrReplaceTempView("lrsweep_a_init");
        }
        // The per-trial and per-setting tables feed several outputs: compute each once.
        Dataset<Row> metrics = TrialMetrics.compute(spark, "lrsweep_a_trials", "lrsweep_a_curves",
                initialLoss == null ? null : "lrsweep_a_init", options.targetAccuracy()).cache();
        metrics.createOrReplaceTempView("lrsweep_a_metrics");
        Dataset<Row> settings = SettingStats.compute(spark, "lrsweep_a_metrics", options.targetAccuracy()).cache();
        settings.createOrReplaceTempView("lrsweep_a_settings");
        List<SettingSummary> summaries = settings.collectAsList().stream().map(SettingSummary::of).toList();
        SensitivityTable.Shape shape = SensitivityTable.shape(summaries);
        // Both are small and are written, then read by the report: keep them rather than recompute.
        Dataset<Row> sensitivity = SensitivityTable.compute(spark, "lrsweep_a_settings", shape).cache();
        Dataset<Row> ucurve = UCurveAnalysis.compute(metrics, options).cache();
        return new AnalysisTables(metrics, settings, summaries, sensitivity, ucurve, shape.varying(), shape.learningRatesShared());
    }

    /** Writes {@code sensitivity/} and {@code ucurve/} under {@code dir} (replacing earlier ones). */
    public static void write(AnalysisTables tables, SweepDirectory dir) {
        tables.sensitivity().orderBy("axis", "setup", "axis_number", "axis_value").coalesce(1)
                .write().mode(SaveMode.Overwrite).parquet(dir.uri(SENSITIVITY));
        tables.ucurve().orderBy("optimizer", "momentum", "decay", "patience").coalesce(1)
                .write().mode(SaveMode.Overwrite).parquet(dir.uri(UCURVE));
    }

    /** Releases the cached intermediate tables. */
    public static void release(AnalysisTables tables) {
        tables.trialMetrics().unpersist();
        tables.settings().unpersist();
        tables.sensitivity().unpersist();
        tables.ucurve().unpersist();
    }
}
