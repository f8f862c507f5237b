package io.lrsweep.job.report;

import io.lrsweep.core.train.TrialStatus;
import io.lrsweep.job.analysis.AnalysisResult;
import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.analysis.Metric;
import io.lrsweep.job.analysis.SettingSummary;
import io.lrsweep.job.analysis.Stat;
import io.lrsweep.job.analysis.UCurveSummary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.function.Function;

/**
 * The U-curve: the metric's final value (top) and the accuracy, or for an accuracy metric the
 * val_loss (bottom), against the learning rate on a log scale, one line per shown setup with its
 * seed band (min to max over the finished seeds). Each setup's basin is a shaded box in its colour
 * (the lrs of the basin across, best to best + tolerance up); its best lr a black diamond; every lr
 * where some seed did not end ok carries a mark of its main outcome class. A dashed line marks how
 * far the best setup is stable, another the range test's suggestion.
 */
final class UCurveChart {
    static final int WIDTH = 1100;
    static final int HEIGHT = 860;

    private UCurveChart() {}

    static byte[] render(List<UCurveSummary> shown, SetupNames names, AnalysisResult r, Double lrFindSuggestion) {
        Metric metric = r.metric();
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (UCurveSummary u : shown) {
            xMin = Math.min(xMin, Math.log10(u.lrs().get(0)));
            xMax = Math.max(xMax, Math.log10(u.lrs().get(u.lrs().size() - 1)));
        }
        double span = xMax - xMin;
        NumberAxis x = ChartStyle.decadeAxis("learning rate (log scale)", span);
        double pad = 0.05 * Math.max(span, 1.0) + 0.15;
        x.setRange(xMin - pad, xMax + pad);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(16);
        String bottomName = metric.name().endsWith("loss") ? "final val_accuracy" : "final val_loss";
        XYPlot top = panel(shown, names, r, SettingSummary::metric, "final " + metric.name(), true);
        XYPlot bottom = panel(shown, names, r, metric.name().endsWith("loss") ? SettingSummary::finalValAccuracy
                : SettingSummary::finalValLoss, bottomName, false);
        basins(top, shown, r);
        UCurveSummary first = shown.get(0);
        if (first.largestStableLr() != null) {
            top.addDomainMarker(line(first.largestStableLr(), Color.DARK_GRAY, "stable up to (" + names.of(first) + ")", 0));
        }
        if (lrFindSuggestion != null) {
            top.addDomainMarker(line(lrFindSuggestion, new Color(0x8B4F80), "range-test suggestion", 1));
        }
        plot.add(top, 3);
        plot.add(bottom, 2);
        JFreeChart chart = new JFreeChart("U-curve: final " + metric.name() + " against learning rate", ChartStyle.TITLE, plot, true);
        String shared = names.shared().isEmpty() ? "" : names.shared() + ";  ";
        chart.addSubtitle(new TextTitle(shared + "line: mean over the seeds that finished; band: their min to max; "
                + "shaded: each setup's basin (within " + Labels.sig(r.options().basinTolerance() * 100, 3) + "% of its best)",
                ChartStyle.SUBTITLE));
        ChartStyle.apply(chart);
        ChartStyle.plot(top);
        ChartStyle.plot(bottom);
        ChartStyle.axisFonts(x);
        return ChartStyle.png(chart, WIDTH, HEIGHT);
    }

    private static XYPlot panel(List<UCurveSummary> shown, SetupNames names, AnalysisResult r,
                                Function<SettingSummary, Stat> metric, String label, boolean marks) {
        YIntervalSeriesCollection lines = new YIntervalSeriesCollection();
        XYSeriesCollection points = new XYSeriesCollection();
        XYSeries best = new XYSeries("best");
        points.addSeries(best);
        XYSeries[] byClass = new XYSeries[OutcomeMarks.CLASSES.size()];
        for (int c = 0; c < byClass.length; c++) {
            byClass[c] = new XYSeries(OutcomeMarks.CLASSES.get(c).label);
            points.addSeries(byClass[c]);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (UCurveSummary u : shown) {
            YIntervalSeries s = new YIntervalSeries(names.of(u));
            for (SettingSummary p : SetupNames.along(u, r)) {
                Stat st = metric.apply(p);
                double xv = Math.log10(p.setting().learningRate());
                if (st.mean() != null) {
                    s.add(xv, st.mean(), st.min(), st.max());
                    lo = Math.min(lo, st.min());
                    hi = Math.max(hi, st.max());
                    if (marks && u.bestLr() != null && p.setting().learningRate() == u.bestLr()) {
                        best.add(xv, st.mean());
                    }
                }
                TrialStatus main = p.trials().mainFailure();
                if (marks && main != null) {
                    // No finished seed: the mark sits at the top of the panel (placed below, once it is known).
                    byClass[OutcomeMarks.CLASSES.indexOf(main)].add(xv, st.mean() != null ? st.mean() : Double.NaN);
                }
            }
            lines.addSeries(s);
        }
        if (!(lo <= hi)) {
            lo = 0.0;
            hi = 1.0;
        }
        for (XYSeries c : byClass) {
            for (int i = 0; i < c.getItemCount(); i++) {
                if (Double.isNaN(c.getY(i).doubleValue())) {
                    c.updateByIndex(i, hi);
                }
            }
        }
        // A U whose arms rise fivefold flattens its bottom on a linear axis.
        boolean log = lo > 0 && hi / lo > 5;
        XYPlot plot = new XYPlot(lines, null, log ? ChartStyle.logAxis(label) : new NumberAxis(label), null);
        DeviationRenderer band = new DeviationRenderer(true, true);
        band.setAlpha(0.16f);
        for (int i = 0; i < shown.size(); i++) {
            band.setSeriesPaint(i, ChartStyle.color(i));
            band.setSeriesFillPaint(i, ChartStyle.color(i));
            band.setSeriesStroke(i, ChartStyle.LINE);
            band.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        plot.setRenderer(0, band);
        plot.setDataset(1, points);
        XYLineAndShapeRenderer m = new XYLineAndShapeRenderer(false, true);
        m.setUseOutlinePaint(true);
        m.setDefaultOutlinePaint(Color.BLACK);
        m.setDefaultOutlineStroke(new BasicStroke(1.0f));
        m.setSeriesPaint(0, Color.BLACK);
        m.setSeriesShape(0, Shapes.diamond(8));
        for (int c = 0; c < byClass.length; c++) {
            m.setSeriesPaint(c + 1, OutcomeMarks.color(OutcomeMarks.CLASSES.get(c)));
            m.setSeriesShape(c + 1, OutcomeMarks.shape(OutcomeMarks.CLASSES.get(c), 7));
        }
        plot.setRenderer(1, m);
        LegendItemCollection items = new LegendItemCollection();
        if (marks) {
            items.addAll(band.getLegendItems());
            items.add(new LegendItem("best lr", null, null, null, Shapes.diamond(6), Color.BLACK));
            for (int c = 0; c < byClass.length; c++) {
                if (byClass[c].getItemCount() > 0) {
                    TrialStatus st = OutcomeMarks.CLASSES.get(c);
                    items.add(new LegendItem("some seed " + st.label, null, null, null, OutcomeMarks.shape(st, 6),
                            OutcomeMarks.color(st)));
                }
            }
        }
        plot.setFixedLegendItems(items);
        if (log) {
            plot.getRangeAxis().setRange(lo / 1.3, hi * 1.3);
        } else {
            plot.getRangeAxis().setRange(Math.max(0.0, lo - 0.06 * (hi - lo)), hi + 0.08 * (hi - lo) + 1e-9);
        }
        return plot;
    }

    /** Each setup's basin: its lrs across, from its best value to the tolerance's limit up (or down, for an accuracy). */
    private static void basins(XYPlot top, List<UCurveSummary> shown, AnalysisResult r) {
        Metric m = r.metric();
        for (int i = 0; i < shown.size(); i++) {
            UCurveSummary u = shown.get(i);
            if (u.basinLrMin() == null) {
                continue;
            }
            double bestCost = m.cost(u.bestValue());
            double edge = m.value(bestCost * (1.0 + r.options().basinTolerance()));
            Color c = ChartStyle.color(i);
            Color fill = new Color(c.getRed(), c.getGreen(), c.getBlue(), 60);
            top.addAnnotation(new XYBoxAnnotation(Math.log10(u.basinLrMin()) - 0.08, Math.min(u.bestValue(), edge),
                    Math.log10(u.basinLrMax()) + 0.08, Math.max(u.bestValue(), edge), new BasicStroke(1f), c, fill), false);
        }
    }

    /** A vertical line with its label at the top, left of the line, in text row {@code row}. */
    private static ValueMarker line(double lr, Color c, String label, int row) {
        ValueMarker m = new ValueMarker(Math.log10(lr), c, ChartStyle.DASHED);
        ChartStyle.markerLabel(m, label, c);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        m.setLabelOffset(new RectangleInsets(6 + 16 * row, 4, 4, 4));
        return m;
    }
}
