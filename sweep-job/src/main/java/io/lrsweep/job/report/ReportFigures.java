package io.lrsweep.job.report;

import io.lrsweep.core.sweep.Refinement;
import io.lrsweep.job.analysis.AnalysisResult;
import io.lrsweep.job.analysis.EpochSeries;
import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.analysis.SettingTrials;
import io.lrsweep.job.analysis.TransferAxis;
import io.lrsweep.job.analysis.TransferFit;
import io.lrsweep.job.analysis.UCurveSummary;
import io.lrsweep.job.lrfind.LrFindSuggestion;
import io.lrsweep.job.lrfind.LrFindTables;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Draws every figure of the report to PNG bytes, with its file name and caption. */
final class ReportFigures {
    /** The U-curve shows at most this many setups (the best ones); all are in the table. */
    static final int MAX_UCURVE_SETUPS = 6;
    /** Heatmaps of lr x a transfer axis: the first setup of each axis (the table has them all). */
    static final int HEATMAPS_PER_AXIS = 1;

    /** A figure and its bytes. */
    record Drawn(ReportContent.Figure figure, byte[] png) {}

    private ReportFigures() {}

    /**
     * The setups on the U-curve: the best of each optimizer first (so every optimizer is seen),
     * then the next best whose curve is not a copy of one shown, up to {@link #MAX_UCURVE_SETUPS}.
     */
    static List<UCurveSummary> shownSetups(List<UCurveSummary> ranked) {
        List<UCurveSummary> shown = new ArrayList<>();
        Set<String> optimizers = new HashSet<>();
        for (UCurveSummary u : ranked) {
            if (shown.size() < MAX_UCURVE_SETUPS && optimizers.add(u.setting().optimizer())) {
                shown.add(u);
            }
        }
        for (UCurveSummary u : ranked) {
            // Setups whose curves coincide (a plateau that never triggers) would hide each other.
            boolean twin = shown.stream().anyMatch(v -> Objects.equals(v.bestLr(), u.bestLr())
                    && Objects.equals(v.bestValue(), u.bestValue()) && Objects.equals(v.lrSensitivity(), u.lrSensitivity()));
            if (shown.size() < MAX_UCURVE_SETUPS && !twin) {
                shown.add(u);
            }
        }
        shown.sort((a, b) -> Integer.compare(ranked.indexOf(a), ranked.indexOf(b)));
        return shown;
    }

    static List<Drawn> draw(AnalysisResult r, List<FigurePlan.AxisPanels> axes, List<FigurePlan.HeatmapSlice> heatmaps,
                            int epochs, LrFindTables lrFind, Refinement refinement) {
        List<Drawn> out = new ArrayList<>();
        if (r != null && !r.ucurves().isEmpty()) {
            List<UCurveSummary> shown = shownSetups(r.ucurves());
            SetupNames names = SetupNames.of(shown, r.ranking().varying());
            UCurveSummary first = shown.get(0);
            LrFindSuggestion suggestion = lrFind == null ? null : lrFind.suggestions().stream()
                    .filter(s -> s.matches(first.setting().optimizer(), first.setting().momentum())).findFirst().orElse(null);
            String more = shown.size() < r.ucurves().size() ? " " + shown.size() + " of " + r.ucurves().size()
                    + " setups shown (each optimizer's best, then the next best); all are in the U-curve table." : "";
            out.add(drawn("ucurve.png", "U-curve", "Final " + r.metric().name() + " and accuracy against learning rate",
                    "Top: the final " + r.metric().name() + "; bottom: the accuracy it comes with. Black diamonds: each "
                            + "setup's best lr; shaded boxes: each setup's basin; marks: learning rates where some seed "
                            + "did not end ok, by outcome class; dashed: how far the best setup is stable."
                            + (refinement.rounds().isEmpty() ? "" : " Coloured dots: the refinement round that added each "
                            + "lr; shaded across: the best setup's final bracket (its best lr's neighbours).") + more,
                    UCurveChart.render(shown, names, r, suggestion == null ? null : suggestion.steepestLr(), refinement)));
        }
        Function<SettingTrials, EpochSeries> series = s -> r.digest().series(s.setting());
        for (FigurePlan.AxisPanels a : axes) {
            out.add(drawn("curves_" + a.file() + ".png", "Accuracy and loss over epochs", "By " + a.label(),
                    "One cell per " + a.label() + (a.caption().isEmpty() ? "" : ", " + a.caption())
                            + ": train and validation accuracy (left) and loss (right) over epochs, mean over the seeds "
                            + "that finished with their min-max band.", EpochGridChart.render(a, series, epochs)));
        }
        for (FigurePlan.AxisPanels a : axes) {
            if (a.axis() != null && a.axis().shapesLr() && LrScheduleChart.changes(a, series)) {
                out.add(drawn("lr_" + a.file() + ".png", "Learning rate over epochs", "By " + a.label(),
                        "The learning rate at the end of each epoch" + (a.caption().isEmpty() ? "" : " (" + a.caption() + ")") + ".",
                        LrScheduleChart.render(a, series, epochs)));
            }
        }
        for (FigurePlan.HeatmapSlice h : heatmaps) {
            out.add(drawn("heatmap_" + h.x().column() + "_" + h.y().column() + ".png", "Heatmaps",
                    h.x().label() + " x " + h.y().label(), "Mean final " + r.metric().name() + " (" + h.fixed() + ").",
                    HeatmapChart.render(h, r.metric())));
        }
        if (r != null) {
            Map<TransferAxis, List<TransferFit>> byAxis = new java.util.EnumMap<>(TransferAxis.class);
            for (TransferFit f : r.transfer()) {
                byAxis.computeIfAbsent(f.axis(), k -> new ArrayList<>()).add(f);
            }
            byAxis.forEach((axis, fits) -> out.addAll(transfer(axis, fits, r)));
            if (!r.tuningCost().isEmpty()) {
                out.add(drawn("tuning_cost.png", "Tuning cost", "The best of k random grid points",
                        "Per optimizer and schedule, the expected best final " + r.metric().name() + " found by trying k of "
                                + "its grid points at random (every other axis, the lr among them), exact over the grid. "
                                + "A curve that drops at once is cheap to tune; the tuning_cost table adds the time to the "
                                + "target accuracy.", TuningCostChart.render(r.tuningCost(), r.metric())));
            }
        }
        if (lrFind != null && !lrFind.suggestions().isEmpty()) {
            Map<String, Double> gridBest = new HashMap<>();
            for (LrFindSuggestion s : lrFind.suggestions()) {
                (r == null ? List.<UCurveSummary>of() : r.ucurves()).stream()
                        .filter(u -> s.matches(u.setting().optimizer(), u.setting().momentum()) && u.bestLr() != null)
                        .findFirst().ifPresent(u -> gridBest.put(s.label(), u.bestLr()));
            }
            out.add(drawn("lr_find.png", "Range-test curves", "Range test",
                    "Smoothed training loss as the lr grows; triangles: the suggestion (steepest descent)"
                            + (gridBest.isEmpty() ? "." : "; dashed lines: the best lr of the grid sweep of the same setup ("
                            + String.join(", ", gridBest.entrySet().stream().map(e -> e.getKey() + ": " + Labels.num(e.getValue())).toList())
                            + ")."),
                    LrFindChart.render(lrFind, gridBest)));
        }
        return out;
    }

    /** The transfer figures of one axis: best lr with the fit, the lr x axis heatmap of the first setups, the LR sensitivity. */
    private static List<Drawn> transfer(TransferAxis axis, List<TransferFit> fits, AnalysisResult r) {
        List<Drawn> out = new ArrayList<>();
        String more = fits.size() > TransferChart.MAX_SETUPS ? " " + TransferChart.MAX_SETUPS + " of " + fits.size()
                + " setups shown; all are in the transfer table." : "";
        boolean anyBest = fits.stream().anyMatch(f -> f.points().stream().anyMatch(p -> p.bestLr() != null && p.fitX() > 0));
        if (anyBest) {
            out.add(drawn("transfer_" + axis.column + ".png", "Transfer", "Best lr against " + axis.label,
                    "The best learning rate at each " + axis.label + " (log-log), with the seed-bootstrap interval and the "
                            + "power law fitted through the points (its exponent and interval in the legend)."
                            + (axis == TransferAxis.MOMENTUM ? " Against 1 - momentum: an exponent of 1 means the effective "
                            + "lr, lr / (1 - momentum), is what transfers." : "") + more, TransferChart.bestLr(fits)));
        }
        for (int i = 0; i < Math.min(HEATMAPS_PER_AXIS, fits.size()); i++) {
            out.add(drawn("transfer_" + axis.column + "_heatmap_" + (i + 1) + ".png", "Transfer",
                    "Learning rate x " + axis.label + " (" + fits.get(i).setup() + ")",
                    "Mean final " + r.metric().name() + " at every learning rate and " + axis.label
                            + "; the red line follows the best lr.", TransferChart.heatmap(fits.get(i), r.metric())));
        }
        if (fits.stream().anyMatch(f -> f.points().stream().anyMatch(p -> !Double.isNaN(p.sensitivity())))) {
            out.add(drawn("transfer_" + axis.column + "_sensitivity.png", "Transfer", "LR sensitivity against " + axis.label,
                    "How much is lost on average over the swept learning rates, at each " + axis.label + "." + more,
                    TransferChart.sensitivity(fits)));
        }
        return out;
    }

    /** The figure with its size, read from the PNG header (width and height open the IHDR chunk at byte 16). */
    private static Drawn drawn(String file, String section, String title, String caption, byte[] png) {
        ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
        return new Drawn(new ReportContent.Figure(file, section, title, caption, header.getInt(), header.getInt()), png);
    }
}
