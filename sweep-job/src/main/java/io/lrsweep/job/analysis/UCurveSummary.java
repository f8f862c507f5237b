package io.lrsweep.job.analysis;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code ucurve/}: an optimizer/setup (everything but the learning rate) read along
 * log10(lr). Learning rates are plain values (not logs); nullable fields are null when the reading
 * does not exist (no lr ended ok on every seed, no initial loss known, no convex fit).
 * See {@link UCurveFit} for every definition.
 */
public record UCurveSummary(
        String optimizer, Double momentum, double decay, Integer patience, String setup,
        int lrs, int seeds, int trials, int divergedTrials, int failedTrials,
        Double bestLr, Double bestFinalValLoss, Double bestBestValLoss,
        Double bestLrLow, Double bestLrHigh, Double bestLrSupport, int bootstrapResamples,
        double basinTolerance, Double basinLrMin, Double basinLrMax, Double basinDecades,
        Double maxStableLr,
        double usefulFraction, Double usefulLrMin, Double usefulLrMax,
        String fitStatus, int fitPoints, Double fitLr, Double fitLoss, Double fitCurvature,
        Double initValLoss, Double initValAccuracy, Double lrSensitivity) {

    private static final DataType D = DataTypes.DoubleType;
    private static final DataType I = DataTypes.IntegerType;
    private static final DataType S = DataTypes.StringType;

    /** Column names and types, in record order. */
    private static final Object[][] COLUMNS = {
            {"optimizer", S}, {"momentum", D}, {"decay", D}, {"patience", I}, {"setup", S},
            {"lrs", I}, {"seeds", I}, {"trials", I}, {"diverged_trials", I}, {"failed_trials", I},
            {"best_lr", D}, {"best_final_val_loss", D}, {"best_best_val_loss", D},
            {"best_lr_ci_low", D}, {"best_lr_ci_high", D}, {"best_lr_support", D}, {"bootstrap_resamples", I},
            {"basin_tolerance", D}, {"basin_lr_min", D}, {"basin_lr_max", D}, {"basin_decades", D},
            {"max_stable_lr", D},
            {"useful_fraction", D}, {"useful_lr_min", D}, {"useful_lr_max", D},
            {"fit_status", S}, {"fit_points", I}, {"fit_lr", D}, {"fit_loss", D}, {"fit_curvature", D},
            {"init_val_loss", D}, {"init_val_accuracy", D}, {"lr_sensitivity", D},
    };

    public static final StructType SCHEMA = schema();

    private static StructType schema() {
        List<StructField> fields = new ArrayList<>();
        for (Object[] c : COLUMNS) {
            fields.add(DataTypes.createStructField((String) c[0], (DataType) c[1], true));
        }
        return DataTypes.createStructType(fields);
    }

    /** The setup as a Setting at the given learning rate. */
    public Setting setting(double lr) {
        return new Setting(optimizer, lr, momentum, decay, patience);
    }

    public Row toRow() {
        return RowFactory.create(optimizer, momentum, decay, patience, setup,
                lrs, seeds, trials, divergedTrials, failedTrials,
                bestLr, bestFinalValLoss, bestBestValLoss,
                bestLrLow, bestLrHigh, bestLrSupport, bootstrapResamples,
                basinTolerance, basinLrMin, basinLrMax, basinDecades,
                maxStableLr,
                usefulFraction, usefulLrMin, usefulLrMax,
                fitStatus, fitPoints, fitLr, fitLoss, fitCurvature,
                initValLoss, initValAccuracy, lrSensitivity);
    }

    /** Reads a row of {@code ucurve/} back, by column name (Parquet may reorder nothing, but be safe). */
    public static UCurveSummary of(Row r) {
        return new UCurveSummary(r.getAs("optimizer"), d(r, "momentum"), r.<Double>getAs("decay"), i(r, "patience"),
                r.getAs("setup"),
                r.<Integer>getAs("lrs"), r.<Integer>getAs("seeds"), r.<Integer>getAs("trials"),
                r.<Integer>getAs("diverged_trials"), r.<Integer>getAs("failed_trials"),
                d(r, "best_lr"), d(r, "best_final_val_loss"), d(r, "best_best_val_loss"),
                d(r, "best_lr_ci_low"), d(r, "best_lr_ci_high"), d(r, "best_lr_support"), r.<Integer>getAs("bootstrap_resamples"),
                r.<Double>getAs("basin_tolerance"), d(r, "basin_lr_min"), d(r, "basin_lr_max"), d(r, "basin_decades"),
                d(r, "max_stable_lr"),
                r.<Double>getAs("useful_fraction"), d(r, "useful_lr_min"), d(r, "useful_lr_max"),
                r.getAs("fit_status"), r.<Integer>getAs("fit_points"), d(r, "fit_lr"), d(r, "fit_loss"), d(r, "fit_curvature"),
                d(r, "init_val_loss"), d(r, "init_val_accuracy"), d(r, "lr_sensitivity"));
    }

    private static Double d(Row r, String name) {
        int k = r.fieldIndex(name);
        return r.isNullAt(k) ? null : r.getDouble(k);
    }

    private static Integer i(Row r, String name) {
        int k = r.fieldIndex(name);
        return r.isNullAt(k) ? null : r.getInt(k);
    }
}
