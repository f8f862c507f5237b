package io.lrsweep.job.report;

import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.analysis.SettingSummary;
import io.lrsweep.job.analysis.UCurveSummary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The U-curve: mean final val_loss (top) and mean best-epoch val_loss (bottom) against the
 * learning rate on a log scale, one line per optimizer/setup with its seed band (min to max over
 * the seeds that ended ok). For the first setup (the best) the basin is shaded, the largest
 * never-diverged lr and the range test's suggestion are drawn as vertical lines; the best lr of
 * every setup is a black diamond and every lr where some seed diverged a cross (in the setup's
 * colour) above the curves.
 */
final class UCurveChart {
    private UCurveChart() {}

    static byte[] render(List<UCurveSummary> shown, Map<String, List<SettingSummary>> bySetup, Double lrFindSuggestion,
                         int totalSetups, double tolerance) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (UCurveSummary u : shown) {
            for (SettingSummary p : bySetup.get(u.setup())) {
                xMin = Math.min(xMin, Math.log10(p.setting().learningRate()));
                xMax = Math.max(xMax, Math.log10(p.setting().learningRate()));
            }
        }
        double span = xMax - xMin;
        NumberAxis x = ChartStyle.decadeAxis("learning rate (log scale)", span);
        // Room beyond the outermost learning rates for their markers and the crosses beside them.
        double pad = 0.05 * Math.max(span, 1.0) + 0.1;
        x.setRange(xMin - pad, xMax + pad);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(14);
        XYPlot top = panel(shown, bySetup, s -> s.finalValLoss(), "final val_loss", true);
        XYPlot bottom = panel(shown, bySetup, s -> s.bestValLoss(), "best val_loss (any epoch)", false);
        plot.add(top, 3);
        plot.add(bottom, 2);
        UCurveSummary first = shown.get(0);
        if (first.basinLrMin() != null) {
            IntervalMarker basin = new IntervalMarker(Math.log10(first.basinLrMin()) - 0.12, Math.log10(first.basinLrMax()) + 0.12,
                    new Color(0xDDEFD9));
            ChartStyle.markerLabel(basin, "basin (within " + Labels.sig(tolerance * 100, 3) + "% of best)", new Color(0x2E6B2A));
            basin.setLabelAnchor(RectangleAnchor.TOP);
            basin.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            top.addDomainMarker(basin, Layer.BACKGROUND);
        }
        if (first.maxStableLr() != null) {
            top.addDomainMarker(line(first.maxStableLr(), Color.DARK_GRAY, "largest never-diverged lr", 1));
        }
        if (lrFindSuggestion != null) {
            top.addDomainMarker(line(lrFindSuggestion, new Color(0x8B4F80), "lr_find suggestion", 2));
        }
        JFreeChart chart = new JFreeChart("U-curve: validation loss against learning rate", ChartStyle.TITLE, plot, true);
        String shownText = shown.size() < totalSetups ? "; " + shown.size() + " of " + totalSetups
                + " setups shown (each optimizer's best, then the next best)" : "";
        chart.addSubtitle(new TextTitle("line: mean over the seeds that ended ok; band: min to max over those seeds" + shownText,
                ChartStyle.SUBTITLE));
        ChartStyle.apply(chart);
        ChartStyle.plot(top);
        ChartStyle.plot(bottom);
        ChartStyle.axisFonts(x);
        return ChartStyle.png(chart, 1100, 820);
    }

    private static XYPlot panel(List<UCurveSummary> shown, Map<String, List<SettingSummary>> bySetup,
                                Function<SettingSummary, SettingSummary.Stat> metric, String label, boolean legend) {
        YIntervalSeriesCollection lines = new YIntervalSeriesCollection();
        XYSeries best = new XYSeries("best lr of a setup");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean anyDiverged = false;
        for (UCurveSummary u : shown) {
            YIntervalSeries s = new YIntervalSeries(u.setup());
            for (SettingSummary p : bySetup.get(u.setup())) {
                SettingSummary.Stat st = metric.apply(p);
                if (st.mean() != null) {
                    s.add(Math.log10(p.setting().learningRate()), st.mean(), st.min(), st.max());
                    lo = Math.min(lo, st.min());
                    hi = Math.max(hi, st.max());
                    if (u.bestLr() != null && p.setting().learningRate() == u.bestLr()) {
                        best.add(Math.log10(u.bestLr()), st.mean());
                    }
                }
                anyDiverged |= p.diverged() + p.failed() > 0;
            }
            lines.addSeries(s);
        }
        if (!(lo <= hi)) {
            // No seed ended ok anywhere: an empty panel with a sane range, the crosses say why.
            lo = 0.0;
            hi = 1.0;
        }
        // A U whose arms rise fivefold flattens its bottom on a linear axis.
        boolean log = lo > 0 && hi / lo > 5;
        // The diverged crosses sit above every curve; without any, no room is kept for them.
        double top = !anyDiverged ? hi : log ? hi * 1.6 : hi + 0.06 * (hi - lo);
        XYPlot plot = new XYPlot(lines, null, log ? ChartStyle.logAxis(label) : new NumberAxis(label), null);
        DeviationRenderer r = new DeviationRenderer(true, true);
        r.setAlpha(0.18f);
        for (int i = 0; i < shown.size(); i++) {
            r.setSeriesPaint(i, ChartStyle.color(i));
            r.setSeriesFillPaint(i, ChartStyle.color(i));
            r.setSeriesStroke(i, ChartStyle.LINE);
            r.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        plot.setRenderer(0, r);
        plot.setDataset(1, marks(shown, bySetup, best, top, plot, legend));
        XYLineAndShapeRenderer m = new XYLineAndShapeRenderer(false, true);
        m.setUseOutlinePaint(true);
        m.setDefaultOutlinePaint(Color.BLACK);
        m.setSeriesPaint(0, Color.BLACK);
        m.setSeriesShape(0, Shapes.diamond(8));
        for (int i = 0; i < shown.size(); i++) {
            m.setSeriesPaint(i + 1, ChartStyle.color(i));
            m.setSeriesShape(i + 1, Shapes.cross(8));
        }
        plot.setRenderer(1, m);
        LegendItemCollection items = new LegendItemCollection();
        if (legend) {
            items.addAll(r.getLegendItems());
            items.add(new LegendItem("best lr of a setup", null, null, null, Shapes.diamond(6), Color.BLACK));
            if (anyDiverged) {
                items.add(new LegendItem("some seed diverged (in its setup's colour)", null, null, null, Shapes.cross(6),
                        new Color(0xD62728)));
            }
        }
        plot.setFixedLegendItems(items);
        ValueAxis range = plot.getRangeAxis();
        if (!log) {
            range.setRange(Math.max(0.0, lo - 0.06 * (hi - lo)), top + 0.08 * (hi - lo) + 1e-9);
        } else {
            range.setRange(lo / 1.3, top * 1.3);
        }
        return plot;
    }

    /**
     * Series 0: each setup's best lr on its line. Series 1..n: a cross per lr where some seed of
     * setup i diverged, above the curves, nudged sideways per setup so crosses never overlap; with
     * a single setup its count is written beside it.
     */
    private static XYSeriesCollection marks(List<UCurveSummary> shown, Map<String, List<SettingSummary>> bySetup,
                                            XYSeries best, double top, XYPlot plot, boolean annotate) {
        XYSeriesCollection marks = new XYSeriesCollection();
        marks.addSeries(best);
        for (int i = 0; i < shown.size(); i++) {
            XYSeries diverged = new XYSeries("diverged " + i);
            double nudge = shown.size() == 1 ? 0.0 : 0.05 * (i - (shown.size() - 1) / 2.0);
            for (SettingSummary p : bySetup.get(shown.get(i).setup())) {
                int bad = p.diverged() + p.failed();
                if (bad > 0) {
                    double x = Math.log10(p.setting().learningRate()) + nudge;
                    diverged.add(x, top);
                    if (annotate && shown.size() == 1) {
                        XYTextAnnotation a = new XYTextAnnotation(bad + "/" + p.trials() + " diverged", x, top);
                        a.setFont(ChartStyle.SMALL);
                        a.setTextAnchor(TextAnchor.CENTER_RIGHT);
                        a.setX(x - 0.08);
                        plot.addAnnotation(a);
                    }
                }
            }
            marks.addSeries(diverged);
        }
        return marks;
    }

    /** A vertical line with its label at the top, left of the line, in text row {@code row} (0 is the basin's). */
    private static ValueMarker line(double lr, Color c, String label, int row) {
        ValueMarker m = new ValueMarker(Math.log10(lr), c, ChartStyle.DASHED);
        ChartStyle.markerLabel(m, label, c);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        m.setLabelOffset(new RectangleInsets(6 + 16 * row, 4, 4, 4));
        return m;
    }
}
