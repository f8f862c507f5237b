package io.lrsweep.job.analysis;

import io.lrsweep.job.table.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code tuning_cost/}: one row per optimizer/schedule x k (k = 1..the grid points it has): the
 * expected best of k random grid points ({@link TuningCost}), and, repeated on the group's rows, its
 * best point and the time to the target accuracy (epochs, and training seconds as the trial's
 * train_millis per epoch times those epochs; means over seeds) of its fastest point and of its best.
 */
public final class TuningCostTable {
    public static final String DIR = "tuning_cost";

    public static final TableSchema SCHEMA = TableSchema.builder("tuning_cost").string("optimizer", "schedule", "metric")
            .integer("grid_points", "unvalued_points", "k").number("expected_best", "best_value", "median_value", "worst_value",
                    "target_accuracy").integer("points_reaching_target")
            .string("fastest_setting").number("fastest_value", "fastest_epochs_to_target", "fastest_seconds_to_target")
            .string("best_setting").number("best_epochs_to_target", "best_seconds_to_target").build();

    private TuningCostTable() {}

    static List<TableSchema.Row> rows(List<TuningCost> costs, Metric metric, double targetAccuracy) {
        List<TableSchema.Row> out = new ArrayList<>();
        for (TuningCost c : costs) {
            int n = c.values().size();
            for (int k = 1; k <= n; k++) {
                TableSchema.Row row = SCHEMA.row().set("optimizer", c.optimizer()).set("schedule", c.schedule())
                        .set("metric", metric.name()).set("grid_points", n).set("unvalued_points", c.unvalued()).set("k", k)
                        .set("expected_best", c.expected()[k - 1]).set("best_value", c.values().get(0))
                        .set("median_value", c.values().get(n / 2)).set("worst_value", c.values().get(n - 1))
                        .set("target_accuracy", targetAccuracy).set("points_reaching_target", c.reaching())
                        .set("best_setting", c.best().setting()).set("best_epochs_to_target", c.best().epochs())
                        .set("best_seconds_to_target", c.best().seconds());
                if (c.fastest() != null) {
                    row.set("fastest_setting", c.fastest().setting()).set("fastest_value", c.fastest().value())
                            .set("fastest_epochs_to_target", c.fastest().epochs())
                            .set("fastest_seconds_to_target", c.fastest().seconds());
                }
                out.add(row);
            }
        }
        return out;
    }
}
