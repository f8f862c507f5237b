package io.lrsweep.job.analysis;

import io.lrsweep.job.table.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code transfer/}: one row per setup x transfer-axis value ({@link TransferPoint}), the setup's
 * settings as columns (the lr left out; the axis's own column, where it is a setting, holds the
 * row's value), and per setup and axis the power law's exponent and its bootstrap interval,
 * repeated on each of the setup's rows. On the momentum axis {@code effective_best_lr} is
 * {@code best_lr / (1 - momentum)}: it stays put across momenta exactly when the exponent in
 * {@code 1 - momentum} is 1.
 */
public final class TransferTable {
    public static final String DIR = "transfer";

    public static final TableSchema SCHEMA = SettingColumns.add(TableSchema.builder("transfer")
                    .string("axis", "setup").number("axis_value").string("fit_variable").number("fit_x"), SettingAxes.LEARNING_RATE)
            .string("metric").integer("lrs", "seeds")
            .number("best_lr", "best_lr_low", "best_lr_high", "best_lr_support", "best_value").string("best_lr_at_edge")
            .number("lr_sensitivity", "effective_best_lr", "effective_best_lr_low", "effective_best_lr_high",
                    "exponent", "exponent_low", "exponent_high", "prefactor").integer("fit_points").build();

    private TransferTable() {}

    static List<TableSchema.Row> rows(List<TransferFit> fits, Metric metric) {
        List<TableSchema.Row> out = new ArrayList<>();
        for (TransferFit f : fits) {
            for (TransferPoint p : f.points()) {
                TableSchema.Row row = SCHEMA.row().set("axis", f.axis().column).set("setup", f.setup())
                        .set("axis_value", p.axisValue()).set("fit_variable", f.axis().fitVariable).set("fit_x", p.fitX());
                SettingColumns.put(row, p.setting(), SettingAxes.LEARNING_RATE);
                Double[] eff = p.effective();
                row.set("metric", metric.name()).set("lrs", p.lrs().length).set("seeds", p.seeds())
                        .set("best_lr", p.bestLr()).set("best_lr_low", p.bestLrLow()).set("best_lr_high", p.bestLrHigh())
                        .set("best_lr_support", p.bestLrSupport()).set("best_value", p.bestValue())
                        .set("best_lr_at_edge", p.edge())
                        .set("lr_sensitivity", Double.isNaN(p.sensitivity()) ? null : p.sensitivity())
                        .set("effective_best_lr", eff == null ? null : eff[0])
                        .set("effective_best_lr_low", eff == null ? null : eff[1])
                        .set("effective_best_lr_high", eff == null ? null : eff[2])
                        .set("exponent", f.exponent()).set("exponent_low", f.exponentLow())
                        .set("exponent_high", f.exponentHigh()).set("prefactor", f.prefactor())
                        .set("fit_points", f.fit() == null ? 0 : f.fit().points());
                out.add(row);
            }
        }
        return out;
    }
}
