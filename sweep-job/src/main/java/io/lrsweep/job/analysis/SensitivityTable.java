package io.lrsweep.job.analysis;

import io.lrsweep.core.train.TrialStatus;
import io.lrsweep.job.table.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code sensitivity/}: one row per {@link SliceRow} (axis value x slice), with the setting that
 * stands for it, its statistics over seeds ({@link SettingSummary}), its rank and its paired
 * comparison with the slice's best. Numbers are plain values (no logs); null where there is none.
 */
public final class SensitivityTable {
    public static final String DIR = "sensitivity";

    private static final List<String> STATS = List.of("final_val_loss", "best_val_loss", "final_val_accuracy",
            "best_val_accuracy");

    public static final TableSchema SCHEMA = schema();

    private SensitivityTable() {}

    private static TableSchema schema() {
        TableSchema.Builder b = TableSchema.builder("sensitivity").string("axis", "slice", "axis_value").number("axis_number")
                .string("setup");
        SettingColumns.add(b, null);
        b.number("profile_learning_rate").string("profile", "metric")
                .number("metric_mean", "metric_std", "metric_ci_low", "metric_ci_high")
                .integer("trials", "seeds", "ok", "diverged", "saturated", "stalled", "failed", "first_divergence_epoch");
        for (String s : STATS) {
            b.number(s + "_mean", s + "_std", s + "_min", s + "_max", s + "_ci_low", s + "_ci_high");
        }
        return b.number("final_loss_mean", "final_accuracy_mean", "target_accuracy").integer("reached_target")
                .number("epochs_to_target_mean", "epochs_to_target_min", "epochs_to_target_max", "init_val_loss_mean")
                .integer("rank", "setup_size").bool("indistinguishable").integer("paired_seeds")
                .number("vs_best_mean", "vs_best_ratio", "vs_best_ratio_low", "vs_best_ratio_high").build();
    }

    static List<TableSchema.Row> rows(List<SliceRow> slices, Map<Setting, SettingSummary> summaries, Metric metric,
                                      List<SettingAxis> varying) {
        List<TableSchema.Row> out = new ArrayList<>();
        for (SliceRow r : slices) {
            SettingSummary s = summaries.get(r.setting().setting());
            TableSchema.Row row = SCHEMA.row().set("axis", r.axis().column()).set("slice", r.slice())
                    .set("axis_value", r.value()).set("axis_number", r.number()).set("setup", r.setup());
            SettingColumns.put(row, s.setting(), null);
            if (r.profile()) {
                row.set("profile_learning_rate", s.setting().learningRate())
                        .set("profile", s.setting().describe(varying.stream().filter(a -> a != r.axis()).toList()));
            }
            row.set("metric", metric.name());
            stat(row, "metric", s.metric());
            SettingTrials t = s.trials();
            row.set("trials", t.trials()).set("seeds", t.trials()).set("ok", t.count(TrialStatus.OK))
                    .set("diverged", t.count(TrialStatus.DIVERGED)).set("saturated", t.count(TrialStatus.SATURATED))
                    .set("stalled", t.count(TrialStatus.STALLED)).set("failed", t.count(TrialStatus.FAILED))
                    .set("first_divergence_epoch", s.firstDivergenceEpoch());
            stat(row, "final_val_loss", s.finalValLoss());
            stat(row, "best_val_loss", s.bestValLoss());
            stat(row, "final_val_accuracy", s.finalValAccuracy());
            stat(row, "best_val_accuracy", s.bestValAccuracy());
            row.set("final_loss_mean", s.finalLoss()).set("final_accuracy_mean", s.finalAccuracy())
                    .set("target_accuracy", s.targetAccuracy()).set("reached_target", s.reachedTarget())
                    .set("epochs_to_target_mean", s.epochsToTarget().mean()).set("epochs_to_target_min", s.epochsToTarget().min())
                    .set("epochs_to_target_max", s.epochsToTarget().max()).set("init_val_loss_mean", s.initValLoss())
                    .set("rank", r.rank()).set("setup_size", r.size());
            PairedComparison p = r.vsBest();
            if (p != null) {
                row.set("indistinguishable", p.indistinguishable()).set("paired_seeds", p.seeds())
                        .set("vs_best_mean", value(metric, p.meanDifference())).set("vs_best_ratio", p.ratio())
                        .set("vs_best_ratio_low", p.ratioLow()).set("vs_best_ratio_high", p.ratioHigh());
            }
            out.add(row);
        }
        return out;
    }

    private static Double value(Metric m, Double costDifference) {
        return costDifference == null ? null : m.valueDifference(costDifference);
    }

    private static void stat(TableSchema.Row row, String name, Stat s) {
        row.set(name + "_mean", s.mean());
        row.set(name + "_ci_low", s.ciLow()).set(name + "_ci_high", s.ciHigh());
        if (!name.equals("metric")) {
            row.set(name + "_min", s.min()).set(name + "_max", s.max());
        }
        row.set(name + "_std", s.std());
    }
}
