package io.lrsweep.job.report;

import io.lrsweep.job.analysis.Axis;
import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.analysis.Setting;
import io.lrsweep.job.analysis.SettingSummary;
import io.lrsweep.job.analysis.UCurveSummary;
import io.lrsweep.job.lrfind.LrFindSuggestion;
import io.lrsweep.job.lrfind.LrFindTables;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Draws every figure of the report to PNG bytes, with its file name and caption. */
final class ReportFigures {
    /** The U-curve shows at most this many setups (the best ones); all are in the table. */
    static final int MAX_UCURVE_SETUPS = 6;

    /** A figure and its bytes. */
    record Drawn(ReportContent.Figure figure, byte[] png) {}

    private ReportFigures() {}

    /**
     * The setups on the U-curve: the best of each optimizer first (so every optimizer is seen),
     * then the next best overall whose curve is not a copy of one shown, up to {@link #MAX_UCURVE_SETUPS}.
     */
    static List<UCurveSummary> shownSetups(List<UCurveSummary> ranked) {
        List<UCurveSummary> shown = new ArrayList<>();
        Set<String> optimizers = new HashSet<>();
        for (UCurveSummary u : ranked) {
            if (shown.size() < MAX_UCURVE_SETUPS && optimizers.add(u.optimizer())) {
                shown.add(u);
            }
        }
        for (UCurveSummary u : ranked) {
            // Setups whose curves coincide (a plateau that never triggers) would hide each other.
            boolean twin = shown.stream().anyMatch(v -> Objects.equals(v.bestLr(), u.bestLr())
                    && Objects.equals(v.bestFinalValLoss(), u.bestFinalValLoss())
                    && Objects.equals(v.lrSensitivity(), u.lrSensitivity()));
            if (shown.size() < MAX_UCURVE_SETUPS && !twin) {
                shown.add(u);
            }
        }
        shown.sort(Comparator.comparing(UCurveSummary::bestFinalValLoss, Comparator.nullsLast(Comparator.naturalOrder())));
        return shown;
    }

    static List<Drawn> draw(List<SettingSummary> settings, List<UCurveSummary> ucurves, List<FigurePlan.AxisPanels> axes,
                            List<FigurePlan.HeatmapSlice> heatmaps, Map<Setting, List<EpochCurves.Point>> epochs,
                            int epochCount, LrFindTables lrFind, double tolerance) {
        List<Drawn> out = new ArrayList<>();
        List<UCurveSummary> ranked = new ArrayList<>(ucurves);
        ranked.sort(Comparator.comparing(UCurveSummary::bestFinalValLoss, Comparator.nullsLast(Comparator.naturalOrder())));
        if (!ranked.isEmpty()) {
            List<UCurveSummary> shown = shownSetups(ranked);
            Map<String, List<SettingSummary>> bySetup = new LinkedHashMap<>();
            for (SettingSummary s : settings) {
                bySetup.computeIfAbsent(s.setting().describeWithout(Axis.LEARNING_RATE), k -> new ArrayList<>()).add(s);
            }
            bySetup.values().forEach(l -> l.sort(Comparator.comparingDouble(s -> s.setting().learningRate())));
            UCurveSummary first = shown.get(0);
            LrFindSuggestion suggestion = lrFind == null ? null : lrFind.suggestions().stream()
                    .filter(s -> s.matches(first.optimizer(), first.momentum())).findFirst().orElse(null);
            byte[] png = UCurveChart.render(shown, bySetup, suggestion == null ? null : suggestion.steepestLr(),
                    ranked.size(), tolerance);
            out.add(new Drawn(new ReportContent.Figure("ucurve.png", "U-curve", "Validation loss against learning rate",
                    "Top: final val_loss; bottom: the best val_loss over epochs. Black diamonds: each setup's best lr; "
                            + "shaded: the basin of " + first.setup() + "; red crosses: learning rates where some seed diverged."),
                    png));
        }
        for (FigurePlan.AxisPanels a : axes) {
            out.add(new Drawn(new ReportContent.Figure("curves_" + a.axis().column + ".png", "Accuracy over epochs",
                    "By " + a.axis().label, "One panel per " + a.axis().label + " (" + a.setup()
                    + "): train and validation accuracy over epochs, mean over ok seeds with their min-max band."),
                    AccuracyGridChart.render(a, epochs, epochCount)));
        }
        for (FigurePlan.AxisPanels a : axes) {
            if (a.axis() == Axis.DECAY || a.axis() == Axis.PATIENCE) {
                out.add(new Drawn(new ReportContent.Figure("lr_" + a.axis().column + ".png", "Learning rate over epochs",
                        "By " + a.axis().label, "The learning rate at the end of each epoch (" + a.setup() + ")."),
                        LrScheduleChart.render(a, epochs, epochCount)));
            }
        }
        for (FigurePlan.HeatmapSlice h : heatmaps) {
            out.add(new Drawn(new ReportContent.Figure("heatmap_" + h.x().column + "_" + h.y().column + ".png", "Heatmaps",
                    h.x().label + " x " + h.y().label, "Mean final val_loss (" + h.fixed() + ")."), HeatmapChart.render(h)));
        }
        if (lrFind != null && !lrFind.suggestions().isEmpty()) {
            Map<String, Double> gridBest = new HashMap<>();
            for (LrFindSuggestion s : lrFind.suggestions()) {
                ranked.stream().filter(u -> s.matches(u.optimizer(), u.momentum()) && u.bestLr() != null).findFirst()
                        .ifPresent(u -> gridBest.put(s.label(), u.bestLr()));
            }
            out.add(new Drawn(new ReportContent.Figure("lr_find.png", "Range-test curves", "Range test",
                    "Smoothed training loss as the lr grows; triangles: the suggestion (steepest descent)"
                            + (gridBest.isEmpty() ? "." : "; dashed lines: the best lr of the grid sweep of the same setup ("
                            + String.join(", ", gridBest.entrySet().stream().map(e -> e.getKey() + ": " + Labels.sig(e.getValue(), 3)).toList())
                            + ").")),
                    LrFindChart.render(lrFind, gridBest)));
        }
        return out;
    }
}
