package io.lrsweep.job.analysis;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * Per grid setting, statistics over its seeds, in Spark SQL. Only trials that ended {@code ok}
 * enter means, spreads and intervals; diverged and failed trials are counted in their own columns
 * (and the first epoch at which one diverged is kept), so a NaN never reaches an average.
 *
 * <p>The 95% interval of a mean is Student's t over the ok seeds:
 * {@code mean +- t(0.975, n-1) * sd / sqrt(n)} with the sample standard deviation; null for n < 2.
 */
final class SettingStats {

    /** The per-trial values summarised over seeds. */
    static final List<String> METRICS = List.of("final_val_loss", "best_val_loss", "final_val_accuracy", "best_val_accuracy");

    static final String T975 = "lrsweep_t975";
    static final String KEYS = "optimizer, learning_rate, momentum, decay, patience";

    private SettingStats() {}

    /** One row per setting, from the per-trial view {@code metricsView} ({@link TrialMetrics}). */
    static Dataset<Row> compute(SparkSession spark, String metricsView, double targetAccuracy) {
        spark.udf().register(T975, (UDF1<Integer, Double>) df ->
                df == null || df < 1 ? null : new TDistribution(null, df).inverseCumulativeProbability(0.975), DataTypes.DoubleType);
        List<String> inner = new ArrayList<>();
        inner.add("CAST(count(*) AS INT) AS trials");
        inner.add("CAST(count(DISTINCT seed) AS INT) AS seeds");
        inner.add("CAST(sum(IF(status = 'ok', 1, 0)) AS INT) AS ok");
        inner.add("CAST(sum(IF(status = 'diverged', 1, 0)) AS INT) AS diverged");
        inner.add("CAST(sum(IF(status = 'failed', 1, 0)) AS INT) AS failed");
        inner.add("min(IF(status = 'diverged', epochs_completed, NULL)) AS first_divergence_epoch");
        for (String m : METRICS) {
            String v = "IF(status = 'ok', " + m + ", NULL)";
            inner.add("avg(" + v + ") AS " + m + "_mean");
            inner.add("stddev_samp(" + v + ") AS " + m + "_std");
            inner.add("min(" + v + ") AS " + m + "_min");
            inner.add("max(" + v + ") AS " + m + "_max");
        }
        inner.add("avg(IF(status = 'ok', final_loss, NULL)) AS final_loss_mean");
        inner.add("avg(IF(status = 'ok', final_accuracy, NULL)) AS final_accuracy_mean");
        inner.add("CAST(sum(IF(status = 'ok' AND epochs_to_target IS NOT NULL, 1, 0)) AS INT) AS reached_target");
        inner.add("avg(IF(status = 'ok', epochs_to_target, NULL)) AS epochs_to_target_mean");
        inner.add("min(IF(status = 'ok', epochs_to_target, NULL)) AS epochs_to_target_min");
        inner.add("max(IF(status = 'ok', epochs_to_target, NULL)) AS epochs_to_target_max");
        inner.add("avg(init_val_loss) AS init_val_loss_mean");

        List<String> outer = new ArrayList<>();
        outer.add(KEYS);
        outer.add("trials, seeds, ok, diverged, failed, first_divergence_epoch");
        for (String m : METRICS) {
            String half = T975 + "(ok - 1) * " + m + "_std / sqrt(ok)";
            outer.add(m + "_mean, " + m + "_std, " + m + "_min, " + m + "_max");
            outer.add(m + "_mean - " + half + " AS " + m + "_ci_low");
            outer.add(m + "_mean + " + half + " AS " + m + "_ci_high");
        }
        outer.add("final_loss_mean, final_accuracy_mean");
        outer.add("CAST(" + targetAccuracy + " AS DOUBLE) AS target_accuracy");
        outer.add("reached_target, epochs_to_target_mean, epochs_to_target_min, epochs_to_target_max, init_val_loss_mean");
        return spark.sql("SELECT " + String.join(", ", outer) + " FROM (SELECT " + KEYS + ", " + String.join(", ", inner)
                + " FROM " + metricsView + " GROUP BY " + KEYS + ")");
    }
}
