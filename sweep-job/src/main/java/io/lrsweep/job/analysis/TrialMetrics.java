package io.lrsweep.job.analysis;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One row per trial: the {@code trials/} row plus what only the curve knows (the best
 * val_accuracy over epochs, the first epoch whose val_accuracy reaches the target) and the seed's
 * loss at initialisation (null when unknown). Comparisons guard against NaN explicitly: Spark
 * orders NaN above every number, so {@code NaN >= 0.8} would be true.
 */
final class TrialMetrics {
    private TrialMetrics() {}

    static Dataset<Row> compute(SparkSession spark, String trialsView, String curvesView, String initView,
                                double targetAccuracy) {
        String finite = "NOT isnan(val_accuracy) AND val_accuracy IS NOT NULL";
        String perCurve = "SELECT trial_id, max(IF(" + finite + ", val_accuracy, NULL)) AS best_val_accuracy, "
                + "min(IF(" + finite + " AND val_accuracy >= " + targetAccuracy + ", epoch, NULL)) AS epochs_to_target "
                + "FROM " + curvesView + " GROUP BY trial_id";
        String init = initView == null
                ? "CAST(NULL AS DOUBLE) AS init_val_loss, CAST(NULL AS DOUBLE) AS init_val_accuracy"
                : "i.init_val_loss, i.init_val_accuracy";
        return spark.sql("SELECT t.optimizer, t.learning_rate, t.momentum, t.decay, t.patience, t.seed, t.trial_id, "
                + "t.status, t.epochs_completed, t.final_loss, t.final_accuracy, t.final_val_loss, t.final_val_accuracy, "
                + "t.best_val_loss, t.best_epoch, c.best_val_accuracy, c.epochs_to_target, " + init
                + " FROM " + trialsView + " t LEFT JOIN (" + perCurve + ") c ON t.trial_id = c.trial_id"
                + (initView == null ? "" : " LEFT JOIN " + initView + " i ON t.seed = i.seed"));
    }
}
