package io.lrsweep.job.analysis;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code sensitivity/}: for every axis that varies and every setup of the other settings, one row
 * per axis value with the setting's statistics over seeds ({@link SettingStats}) and its rank in the
 * setup (1 = lowest mean final val_loss; settings with a diverged or failed seed rank after every
 * setting whose seeds all ended ok). Setups with a single value of the axis are left out: there is
 * nothing to compare.
 *
 * <p>The optimizer axis is special: momentum exists for SGD only and, without a learning-rate axis,
 * each optimizer runs at its own default lr. So the optimizer axis compares optimizer "variants"
 * (the optimizer plus its momentum when momentum varies, plus its lr when the optimizers were not
 * swept over the same learning rates) at equal decay and patience (and lr, when shared).
 */
final class SensitivityTable {

    static final String VALUE_UDF = "lrsweep_axis_value";
    static final String SETUP_UDF = "lrsweep_setup";

    private SensitivityTable() {}

    /** Which axes vary, whether all optimizers share the learning rates, whether momentum varies. */
    record Shape(List<Axis> varying, boolean learningRatesShared, boolean momentumVaries) {}

    /** How the grid varies, read from the settings (one per grid point, already on the driver). */
    static Shape shape(List<SettingSummary> settings) {
        List<Axis> varying = new ArrayList<>();
        Axis[] order = {Axis.OPTIMIZER, Axis.LEARNING_RATE, Axis.MOMENTUM, Axis.DECAY, Axis.PATIENCE};
        for (Axis a : order) {
            if (settings.stream().map(s -> s.setting().value(a) + "|" + s.setting().number(a)).distinct().count() > 1) {
                varying.add(a);
            }
        }
        long optimizers = settings.stream().map(s -> s.setting().optimizer()).distinct().count();
        long lrs = settings.stream().map(s -> s.setting().learningRate()).distinct().count();
        long pairs = settings.stream().map(s -> s.setting().optimizer() + "|" + s.setting().learningRate()).distinct().count();
        return new Shape(varying, pairs == optimizers * lrs, varying.contains(Axis.MOMENTUM));
    }

    static Dataset<Row> compute(SparkSession spark, String settingsView, Shape shape) {
        register(spark, shape);
        List<String> parts = new ArrayList<>();
        for (Axis axis : shape.varying()) {
            String partition = String.join(", ", others(axis, shape));
            String args = "'" + axis.column + "', optimizer, learning_rate, momentum, decay, patience";
            String number = axis == Axis.OPTIMIZER ? "CAST(NULL AS DOUBLE)" : "CAST(" + axis.column + " AS DOUBLE)";
            parts.add("SELECT * FROM (SELECT '" + axis.column + "' AS axis, " + VALUE_UDF + "(" + args + ") AS axis_value, "
                    + number + " AS axis_number, " + SETUP_UDF + "(" + args + ") AS setup, s.*, "
                    + "CAST(RANK() OVER (PARTITION BY " + partition + " ORDER BY IF(ok = trials, 0, 1), "
                    + "final_val_loss_mean ASC NULLS LAST) AS INT) AS rank, "
                    + "CAST(count(*) OVER (PARTITION BY " + partition + ") AS INT) AS setup_size "
                    + "FROM " + settingsView + " s) WHERE setup_size >= 2");
        }
        if (parts.isEmpty()) {
            // Nothing varies: an empty table with the same columns.
            parts.add("SELECT 'none' AS axis, '' AS axis_value, CAST(NULL AS DOUBLE) AS axis_number, '' AS setup, s.*, "
                    + "1 AS rank, 1 AS setup_size FROM " + settingsView + " s WHERE false");
        }
        return spark.sql(String.join(" UNION ALL ", parts));
    }

    /** The columns that define a setup for this axis (its partition). */
    static List<String> others(Axis axis, Shape shape) {
        List<String> cols = new ArrayList<>();
        for (Axis a : Axis.values()) {
            if (a == axis || axis == Axis.OPTIMIZER && (a == Axis.MOMENTUM
                    || a == Axis.LEARNING_RATE && !shape.learningRatesShared())) {
                continue;
            }
            cols.add(a.column);
        }
        return cols;
    }

    private static void register(SparkSession spark, Shape shape) {
        boolean lrShared = shape.learningRatesShared();
        boolean momentumVaries = shape.momentumVaries();
        spark.udf().register(VALUE_UDF, (UDF6<String, String, Double, Double, Double, Integer, String>)
                (axis, opt, lr, m, decay, p) -> axisValue(Axis.ofColumn(axis), new Setting(opt, lr, m, decay, p), lrShared, momentumVaries),
                DataTypes.StringType);
        spark.udf().register(SETUP_UDF, (UDF6<String, String, Double, Double, Double, Integer, String>)
                (axis, opt, lr, m, decay, p) -> setup(Axis.ofColumn(axis), new Setting(opt, lr, m, decay, p), lrShared),
                DataTypes.StringType);
    }

    static String axisValue(Axis axis, Setting s, boolean lrShared, boolean momentumVaries) {
        if (axis != Axis.OPTIMIZER) {
            return s.value(axis);
        }
        String v = s.optimizer();
        if (!lrShared) {
            v += " " + s.term(Axis.LEARNING_RATE);
        }
        if (momentumVaries && s.momentum() != null) {
            v += " " + s.term(Axis.MOMENTUM);
        }
        return v;
    }

    static String setup(Axis axis, Setting s, boolean lrShared) {
        if (axis != Axis.OPTIMIZER) {
            return s.describeWithout(axis);
        }
        return lrShared ? s.describeWithout(Axis.OPTIMIZER, Axis.MOMENTUM)
                : s.describeWithout(Axis.OPTIMIZER, Axis.MOMENTUM, Axis.LEARNING_RATE);
    }
}
