package io.lrsweep.job.analysis;

import io.lrsweep.job.table.TableSchema;

import java.util.ArrayList;
import java.util.List;

/** {@code ucurve/}: one row per {@link UCurveSummary}, the setup's settings as columns. */
public final class UCurveTable {
    public static final String DIR = "ucurve";

    public static final TableSchema SCHEMA = SettingColumns.add(TableSchema.builder("ucurve"), SettingAxes.LEARNING_RATE)
            .string("setup", "metric").integer("lrs", "seeds", "trials", "ok_trials", "diverged_trials", "saturated_trials",
                    "stalled_trials", "failed_trials")
            .number("best_lr", "best_value", "best_final_val_loss", "best_best_val_loss", "best_lr_ci_low", "best_lr_ci_high",
                    "best_lr_support").integer("bootstrap_resamples", "indistinguishable_lrs")
            .string("indistinguishable_lr_values")
            .number("basin_tolerance", "basin_lr_min", "basin_lr_max", "basin_decades", "largest_stable_lr")
            .string("unstable_above").number("useful_fraction", "useful_lr_min", "useful_lr_max")
            .string("fit_status").integer("fit_points").number("fit_lr", "fit_value", "fit_curvature",
                    "init_val_loss", "init_val_accuracy", "init_value", "lr_sensitivity")
            .string("best_lr_at_edge", "basin_at_edge").build();

    private UCurveTable() {}

    static List<TableSchema.Row> rows(List<UCurveSummary> ucurves) {
        List<TableSchema.Row> out = new ArrayList<>();
        for (UCurveSummary u : ucurves) {
            TableSchema.Row row = SCHEMA.row();
            SettingColumns.put(row, u.setting(), SettingAxes.LEARNING_RATE);
            UCurveSummary.StatusCounts n = u.counts();
            row.set("setup", u.setup()).set("metric", u.metric()).set("lrs", u.lrs().size()).set("seeds", u.seeds())
                    .set("trials", n.trials()).set("ok_trials", n.ok()).set("diverged_trials", n.diverged())
                    .set("saturated_trials", n.saturated()).set("stalled_trials", n.stalled()).set("failed_trials", n.failed())
                    .set("best_lr", u.bestLr()).set("best_value", u.bestValue()).set("best_final_val_loss", u.bestFinalValLoss())
                    .set("best_best_val_loss", u.bestBestValLoss()).set("best_lr_ci_low", u.bestLrLow())
                    .set("best_lr_ci_high", u.bestLrHigh()).set("best_lr_support", u.bestLrSupport())
                    .set("bootstrap_resamples", u.bootstrapResamples())
                    .set("indistinguishable_lrs", u.tiedLrs() == null ? null : u.tiedLrs().size())
                    .set("indistinguishable_lr_values", u.tiedLrs() == null ? null
                            : String.join(", ", u.tiedLrs().stream().map(Labels::num).toList()))
                    .set("basin_tolerance", u.basinTolerance()).set("basin_lr_min", u.basinLrMin())
                    .set("basin_lr_max", u.basinLrMax()).set("basin_decades", u.basinDecades())
                    .set("largest_stable_lr", u.largestStableLr())
                    .set("unstable_above", u.unstableAbove() == null ? null : u.unstableAbove().label)
                    .set("useful_fraction", u.usefulFraction()).set("useful_lr_min", u.usefulLrMin())
                    .set("useful_lr_max", u.usefulLrMax()).set("fit_status", u.fitStatus()).set("fit_points", u.fitPoints())
                    .set("fit_lr", u.fitLr()).set("fit_value", u.fitValue()).set("fit_curvature", u.fitCurvature())
                    .set("init_val_loss", u.initValLoss()).set("init_val_accuracy", u.initValAccuracy())
                    .set("init_value", u.initValue()).set("lr_sensitivity", u.lrSensitivity())
                    .set("best_lr_at_edge", u.bestEdge()).set("basin_at_edge", u.basinEdge());
            out.add(row);
        }
        return out;
    }
}
