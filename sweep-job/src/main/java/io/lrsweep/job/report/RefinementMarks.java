package io.lrsweep.job.report;

import io.lrsweep.core.sweep.Refinement;
import io.lrsweep.job.analysis.AnalysisResult;
import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.analysis.RefinementPlanner;
import io.lrsweep.job.analysis.SettingSummary;
import io.lrsweep.job.analysis.UCurveSummary;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The U-curve's account of refinement ({@code lrsweep refine}): each point of the shown setups in
 * the colour of the round that added its learning rate (viridis from the sweep file's own lrs to the
 * last round), and the best setup's final bracket (its best lr's neighbours) shaded across.
 */
final class RefinementMarks {
    /**
     * The points' dataset and renderer index on the plot: after the lines and bands (0), before the
     * best and outcome marks, which move from 1 to 2 so that they stay on top.
     */
    static final int INDEX = 1;

    private RefinementMarks() {}

    static void add(XYPlot top, List<UCurveSummary> shown, AnalysisResult r, Refinement refinement) {
        int rounds = refinement.rounds().size();
        if (rounds == 0) {
            return;
        }
        ViridisScale scale = new ViridisScale(0, rounds, false);
        List<XYSeries> byRound = new ArrayList<>();
        XYSeriesCollection points = new XYSeriesCollection();
        for (int k = 0; k <= rounds; k++) {
            XYSeries s = new XYSeries(k == 0 ? "sweep file's lrs" : "round " + k);
            byRound.add(s);
            points.addSeries(s);
        }
        for (UCurveSummary u : shown) {
            for (SettingSummary p : SetupNames.along(u, r)) {
                Double mean = p.metric().mean();
                if (mean != null) {
                    double lr = p.setting().learningRate();
                    byRound.get(refinement.roundOf(lr)).add(Math.log10(lr), mean);
                }
            }
        }
        top.setDataset(INDEX + 1, top.getDataset(INDEX));
        top.setRenderer(INDEX + 1, top.getRenderer(INDEX));
        top.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        top.setDataset(INDEX, points);
        XYLineAndShapeRenderer m = new XYLineAndShapeRenderer(false, true);
        m.setUseOutlinePaint(true);
        m.setDefaultOutlinePaint(Color.DARK_GRAY);
        LegendItemCollection items = new LegendItemCollection();
        items.addAll(top.getFixedLegendItems());
        for (int k = 0; k <= rounds; k++) {
            Color c = scale.color(k);
            m.setSeriesPaint(k, c);
            m.setSeriesShape(k, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
            if (byRound.get(k).getItemCount() > 0) {
                items.add(new LegendItem(byRound.get(k).getKey().toString(), null, null, null,
                        new Ellipse2D.Double(-4, -4, 8, 8), c));
            }
        }
        top.setRenderer(INDEX, m);
        top.setFixedLegendItems(items);
        UCurveSummary best = shown.get(0);
        Double[] bracket = RefinementPlanner.bracket(best);
        if (bracket[0] != null && bracket[1] != null) {
            IntervalMarker band = new IntervalMarker(Math.log10(bracket[0]), Math.log10(bracket[1]),
                    new Color(0x44, 0x01, 0x54, 28));
            ChartStyle.markerLabel(band, "bracket after " + rounds + " round" + (rounds == 1 ? "" : "s") + ": "
                    + Labels.num(bracket[0]) + " to " + Labels.num(bracket[1]), new Color(0x440154));
            band.setLabelAnchor(RectangleAnchor.BOTTOM);
            band.setLabelTextAnchor(TextAnchor.BOTTOM_CENTER);
            top.addDomainMarker(band, Layer.BACKGROUND);
        }
    }

    /** The report's words for the refinement: the rounds, and each setup's final bracket. */
    static List<String> lines(List<UCurveSummary> ucurves, Refinement refinement) {
        List<String> out = new ArrayList<>();
        if (refinement.rounds().isEmpty()) {
            return out;
        }
        List<String> rounds = new ArrayList<>();
        for (Refinement.Round k : refinement.rounds()) {
            rounds.add("round " + k.round() + " added " + String.join(", ", k.learningRates().stream().map(Labels::num).toList()));
        }
        out.add("The learning-rate grid was refined in " + refinement.rounds().size() + " round"
                + (refinement.rounds().size() == 1 ? "" : "s") + " (lrsweep refine; every setup runs every added lr): "
                + String.join("; ", rounds) + ".");
        for (UCurveSummary u : ucurves) {
            Double[] b = RefinementPlanner.bracket(u);
            if (u.bestLr() == null) {
                continue;
            }
            String width = b[0] != null && b[1] != null
                    ? " (" + Labels.sig(Math.log10(b[1] / b[0]), 3) + " decades)" : "";
            out.add("Final bracket, " + u.setup() + ": best lr " + Labels.num(u.bestLr()) + " between "
                    + (b[0] == null ? "(below the grid)" : Labels.num(b[0])) + " and "
                    + (b[1] == null ? "(above the grid)" : Labels.num(b[1])) + width + ", refined in "
                    + refinement.roundsOf(u.setup()) + " round" + (refinement.roundsOf(u.setup()) == 1 ? "" : "s") + ".");
        }
        return out;
    }
}
