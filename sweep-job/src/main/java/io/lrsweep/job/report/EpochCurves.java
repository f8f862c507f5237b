package io.lrsweep.job.report;

import io.lrsweep.job.analysis.Setting;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per setting and epoch, the curves over seeds, aggregated in Spark for just the settings a figure
 * shows (a few hundred rows reach the driver, never the curves themselves). Only trials that ended
 * ok are averaged, so every epoch's mean is over the same seeds; the learning rate is averaged
 * geometrically (plateau runs differ by decades between seeds).
 */
final class EpochCurves {

    /** One epoch of one setting over its ok seeds: mean and extremes. */
    record Point(int epoch, int seeds, double accuracy, double accuracyMin, double accuracyMax,
                 double valAccuracy, double valAccuracyMin, double valAccuracyMax,
                 double lr, double lrMin, double lrMax) {}

    private static final StructType SELECTED = DataTypes.createStructType(new org.apache.spark.sql.types.StructField[]{
            DataTypes.createStructField("optimizer", DataTypes.StringType, false),
            DataTypes.createStructField("learning_rate", DataTypes.DoubleType, false),
            DataTypes.createStructField("momentum", DataTypes.DoubleType, true),
            DataTypes.createStructField("decay", DataTypes.DoubleType, false),
            DataTypes.createStructField("patience", DataTypes.IntegerType, true),
    });

    private EpochCurves() {}

    static Map<Setting, List<Point>> collect(SparkSession spark, Dataset<Row> trials, Dataset<Row> curves,
                                             Collection<Setting> settings) {
        Map<Setting, List<Point>> out = new HashMap<>();
        if (settings.isEmpty()) {
            return out;
        }
        List<Row> selected = new ArrayList<>();
        for (Setting s : settings) {
            selected.add(RowFactory.create(s.optimizer(), s.learningRate(), s.momentum(), s.decay(), s.patience()));
        }
        spark.createDataFrame(selected, SELECTED).createOrReplaceTempView("lrsweep_r_selected");
        trials.createOrReplaceTempView("lrsweep_r_trials");
        curves.createOrReplaceTempView("lrsweep_r_curves");
        List<Row> rows = spark.sql("SELECT c.optimizer, c.learning_rate, c.momentum, c.decay, c.patience, c.epoch, "
                + "CAST(count(*) AS INT) AS seeds, avg(c.accuracy), min(c.accuracy), max(c.accuracy), "
                + "avg(c.val_accuracy), min(c.val_accuracy), max(c.val_accuracy), "
                + "exp(avg(ln(c.lr))), min(c.lr), max(c.lr) "
                + "FROM lrsweep_r_curves c "
                + "JOIN (SELECT trial_id FROM lrsweep_r_trials WHERE status = 'ok') t ON c.trial_id = t.trial_id "
                + "JOIN lrsweep_r_selected s ON c.optimizer = s.optimizer AND c.learning_rate = s.learning_rate "
                + "AND c.momentum <=> s.momentum AND c.decay = s.decay AND c.patience <=> s.patience "
                + "GROUP BY c.optimizer, c.learning_rate, c.momentum, c.decay, c.patience, c.epoch "
                + "ORDER BY c.optimizer, c.learning_rate, c.momentum, c.decay, c.patience, c.epoch").collectAsList();
        for (Row r : rows) {
            out.computeIfAbsent(Setting.of(r), k -> new ArrayList<>()).add(new Point(r.getInt(5), r.getInt(6),
                    r.getDouble(7), r.getDouble(8), r.getDouble(9), r.getDouble(10), r.getDouble(11), r.getDouble(12),
                    r.isNullAt(13) ? Double.NaN : r.getDouble(13), r.getDouble(14), r.getDouble(15)));
        }
        return out;
    }
}
