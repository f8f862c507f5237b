package io.lrsweep.job.report;

import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.TrialSpec;
import io.lrsweep.job.analysis.Analysis;
import io.lrsweep.job.analysis.AnalysisOptions;
import io.lrsweep.job.analysis.AnalysisTables;
import io.lrsweep.job.analysis.Axis;
import io.lrsweep.job.analysis.InitialLoss;
import io.lrsweep.job.analysis.SensitivityRow;
import io.lrsweep.job.analysis.Setting;
import io.lrsweep.job.analysis.SettingSummary;
import io.lrsweep.job.analysis.SweepDirectory;
import io.lrsweep.job.analysis.UCurveSummary;
import io.lrsweep.job.data.DataLoader;
import io.lrsweep.job.run.OutputLayout;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A directory's analysis as the driver holds it for drawing: the aggregated tables (one row per
 * setting, setup or epoch of a shown setting) and which slices the figures show. Producing it runs
 * the analysis and writes {@code sensitivity/} and {@code ucurve/}.
 */
record ReportData(ReportContent.Counts counts, List<SettingSummary> settings, List<UCurveSummary> ucurves,
                  List<FigurePlan.AxisPanels> axes, List<FigurePlan.HeatmapSlice> heatmaps,
                  Map<Setting, List<EpochCurves.Point>> epochs, int epochCount) {

    static final ReportData EMPTY = new ReportData(null, List.of(), List.of(), List.of(), List.of(), Map.of(), 0);

    /** Analyses {@code trials/} and {@code curves/} (those of sweep.json's grid when it is known); notes go to {@code notes}. */
    static ReportData collect(SparkSession spark, SweepDirectory dir, OutputLayout layout, SweepSpec spec,
                              AnalysisOptions options, List<String> notes) {
        Dataset<Row> trials = spark.read().parquet(layout.trials().toString());
        Dataset<Row> curves = spark.read().parquet(layout.curves().toString());
        if (spec != null) {
            Dataset<Row> ids = spark.createDataset(spec.trials().stream().map(TrialSpec::trialId).toList(), Encoders.STRING())
                    .toDF("spec_trial_id");
            Row n = trials.join(ids, trials.col("trial_id").equalTo(ids.col("spec_trial_id")), "left")
                    .selectExpr("count(*)", "count(spec_trial_id)").first();
            long all = n.getLong(0);
            long in = n.getLong(1);
            if (in == 0) {
                notes.add("No trial of trials/ belongs to sweep.json's grid (written by another version?): all " + all
                        + " are analysed.");
            } else if (in < all) {
                // A resumed directory can hold trials of an earlier grid (another model, say): leave them out.
                notes.add((all - in) + " of " + all + " trials in trials/ are not in sweep.json's grid and are left out.");
                trials = trials.join(ids, trials.col("trial_id").equalTo(ids.col("spec_trial_id")), "leftsemi");
                curves = curves.join(ids, curves.col("trial_id").equalTo(ids.col("spec_trial_id")), "leftsemi");
            }
        }
        if (spec != null) {
            noteAxesTheAnalysisPools(spec, notes);
        }
        AnalysisTables tables = Analysis.run(spark, trials, curves, initialLoss(spark, spec, notes), options);
        try {
            Analysis.write(tables, dir);
            List<SettingSummary> settings = tables.summaries();
            List<SensitivityRow> sensitivity = tables.sensitivity().collectAsList().stream().map(SensitivityRow::of).toList();
            List<UCurveSummary> ucurves = tables.ucurve().collectAsList().stream().map(UCurveSummary::of)
                    .sorted(Comparator.comparing((UCurveSummary u) -> u.setting(0.0), FigurePlan.along(Axis.OPTIMIZER))
                            .thenComparing(u -> u.setting(0.0), FigurePlan.along(Axis.DECAY))
                            .thenComparing(u -> u.setting(0.0), FigurePlan.along(Axis.PATIENCE)))
                    .toList();
            ReportContent.Counts counts = new ReportContent.Counts(settings.stream().mapToLong(SettingSummary::trials).sum(),
                    settings.stream().mapToLong(SettingSummary::ok).sum(), settings.stream().mapToLong(SettingSummary::diverged).sum(),
                    settings.stream().mapToLong(SettingSummary::failed).sum());
            SettingSummary best = FigurePlan.best(settings);
            List<FigurePlan.AxisPanels> axes = FigurePlan.axisPanels(sensitivity, best);
            if (axes.isEmpty() && !settings.isEmpty()) {
                notes.add("No grid axis varies within a setup: there is no sensitivity to show, only the setting's curves.");
                axes = List.of(FigurePlan.single(settings));
            }
            List<FigurePlan.HeatmapSlice> heatmaps = FigurePlan.heatmaps(settings, tables.varying(), best);
            Set<Setting> shown = new LinkedHashSet<>();
            axes.forEach(a -> a.panels().forEach(p -> shown.add(p.setting())));
            Map<Setting, List<EpochCurves.Point>> epochs = EpochCurves.collect(spark, trials, curves, shown);
            int epochCount = spec != null ? spec.training().epochs()
                    : epochs.values().stream().mapToInt(l -> l.isEmpty() ? 0 : l.get(l.size() - 1).epoch()).max().orElse(1);
            return new ReportData(counts, settings, ucurves, axes, heatmaps, epochs, epochCount);
        } finally {
            Analysis.release(tables);
        }
    }

    /**
     * This analysis sets trials apart by optimizer, learning rate, momentum, decay and patience only
     * (the transfer analysis of issue 13 will add the rest): say so, with the columns to read
     * instead, when the sweep varies anything else.
     */
    private static void noteAxesTheAnalysisPools(SweepSpec spec, List<String> notes) {
        List<String> pooled = new java.util.ArrayList<>();
        if (spec.schedules().size() > 1) {
            pooled.add("schedule");
        }
        if (spec.grid().weightDecays() != null && spec.grid().weightDecays().size() > 1) {
            pooled.add("weight_decay");
        }
        if (spec.grid().nesterovs() != null && spec.grid().nesterovs().size() > 1) {
            pooled.add("nesterov");
        }
        if (spec.hiddens().size() > 1) {
            pooled.add("hidden");
        }
        if (spec.batchSizes().size() > 1) {
            pooled.add("batch_size");
        }
        if (!pooled.isEmpty()) {
            notes.add("This sweep varies " + String.join(", ", pooled) + ", which this report does not yet set apart: the "
                    + "sensitivity tables, the U-curves and the figures pool their values as if they were seeds. Read "
                    + "trials/ grouped by those columns instead (see the README).");
        }
    }

    /** Per seed loss and accuracy of the initial model, or null (with a note) when the sweep or its data cannot be had. */
    private static Dataset<Row> initialLoss(SparkSession spark, SweepSpec spec, List<String> notes) {
        if (spec == null) {
            notes.add("No sweep.json: the initial model's loss and accuracy are unknown, so the LR sensitivity and the "
                    + "useful region are left empty.");
            return null;
        }
        if (spec.hiddens().size() > 1) {
            notes.add("The hidden layers vary, so there is no one initial model: the LR sensitivity and the useful region "
                    + "are left empty.");
            return null;
        }
        try {
            return InitialLoss.compute(spark, spec, DataLoader.load(spark, spec.dataset()));
        } catch (RuntimeException e) {
            notes.add("The sweep's data could not be read again (" + e.getMessage() + "): the initial model's loss and "
                    + "accuracy are unknown, so the LR sensitivity and the useful region are left empty.");
            return null;
        }
    }
}
