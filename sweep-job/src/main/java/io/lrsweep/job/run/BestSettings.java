package io.lrsweep.job.run;

import io.lrsweep.core.text.NumberText;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.List;

/** The best grid setting by mean final val_loss over its seeds, computed in Spark SQL. */
final class BestSettings {
    private BestSettings() {}

    static RunSummary.BestSetting find(SparkSession spark, OutputLayout layout, String sweep) throws IOException {
        if (!layout.hasTrials()) {
            return null;
        }
        spark.read().parquet(layout.trials().toString()).createOrReplaceTempView("lrsweep_trials");
        // Only settings whose every trial ended ok compete: a setting that diverged on some
        // seed is not a safe recommendation, and NaN must never enter the mean.
        // Every setting column, so that the seeds of one setting are all that is averaged.
        String setting = "optimizer, learning_rate, momentum, decay, patience, schedule, weight_decay, nesterov, hidden, batch_size";
        List<Row> rows = spark.sql(
                "SELECT " + setting + ", COUNT(*) AS seeds, "
                        + "AVG(final_val_loss) AS mean_val_loss, AVG(final_val_accuracy) AS mean_val_accuracy "
                        + "FROM lrsweep_trials WHERE sweep = '" + sweep.replace("'", "''") + "' "
                        + "GROUP BY " + setting + " "
                        + "HAVING SUM(CASE WHEN status = 'ok' THEN 0 ELSE 1 END) = 0 "
                        + "ORDER BY mean_val_loss ASC, optimizer, learning_rate LIMIT 1").collectAsList();
        if (rows.isEmpty()) {
            return null;
        }
        Row r = rows.get(0);
        String others = "schedule=" + r.getAs("schedule") + " weight_decay=" + NumberText.of(r.<Double>getAs("weight_decay"))
                + (r.isNullAt(r.fieldIndex("nesterov")) ? "" : " nesterov=" + r.getAs("nesterov"))
                + " hidden=" + r.getAs("hidden") + " batch_size=" + r.getAs("batch_size");
        return new RunSummary.BestSetting(r.getString(0), r.getDouble(1), r.isNullAt(2) ? null : r.getDouble(2),
                r.getDouble(3), r.isNullAt(4) ? null : r.getInt(4), (int) (long) r.<Long>getAs("seeds"), r.<Double>getAs("mean_val_loss"),
                r.<Double>getAs("mean_val_accuracy"), others);
    }
}
