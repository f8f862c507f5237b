package io.lrsweep.job.report;

import io.lrsweep.job.lrfind.LrFindSuggestion;
import io.lrsweep.job.lrfind.LrFindTables;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
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
import java.util.List;
import java.util.Map;

/**
 * The learning-rate range test: smoothed training loss against the lr (log scale) as the lr grows
 * during one run, per optimizer/setup (mean over seeds, band min to max; the bands are left out
 * beyond two setups, where they would bury each other). Each setup's suggestion
 * (steepest descent) is a triangle on its curve and, where the grid swept the same setup,
 * the grid's best lr a dashed vertical line in the setup's colour, so the two readings sit side by side.
 */
final class LrFindChart {
    private LrFindChart() {}

    /** @param gridBest the grid's best lr per range-test setup label (absent when the grid has none) */
    static byte[] render(LrFindTables tables, Map<String, Double> gridBest) {
        YIntervalSeriesCollection lines = new YIntervalSeriesCollection();
        XYSeriesCollection marks = new XYSeriesCollection();
        boolean bands = tables.suggestions().size() <= 2;
        double lo = Double.POSITIVE_INFINITY;
        double start = 0.0;
        double highestMean = 0.0;
        int i = 0;
        for (LrFindSuggestion s : tables.suggestions()) {
            List<LrFindTables.CurvePoint> curve = tables.curves().getOrDefault(s.label(), List.of());
            YIntervalSeries series = new YIntervalSeries(s.label());
            for (LrFindTables.CurvePoint p : curve) {
                series.add(Math.log10(p.lr()), p.mean(), p.min(), p.max());
                lo = Math.min(lo, bands ? p.min() : p.mean());
                highestMean = Math.max(highestMean, p.mean());
            }
            if (!curve.isEmpty()) {
                start = Math.max(start, curve.get(Math.min(curve.size() - 1, 10)).mean());
            }
            lines.addSeries(series);
            XYSeries suggested = new XYSeries(s.label() + " suggestion");
            if (s.steepestLr() != null) {
                suggested.add(Math.log10(s.steepestLr()), at(curve, s.steepestLr()));
            }
            marks.addSeries(suggested);
            i++;
        }
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (List<LrFindTables.CurvePoint> c : tables.curves().values()) {
            for (LrFindTables.CurvePoint p : c) {
                first = Math.min(first, p.lr());
                last = Math.max(last, p.lr());
            }
        }
        NumberAxis x = ChartStyle.decadeAxis("learning rate (log scale)", first < last ? Math.log10(last / first) : 1.0);
        NumberAxis y = new NumberAxis("smoothed training loss");
        if (lo < start) {
            // Show the descent and the start of the blow-up, not all of it.
            double upper = Math.min(highestMean, start + 1.5 * (start - lo));
            y.setRange(Math.max(0.0, lo - 0.1 * (upper - lo)), upper + 0.05 * (upper - lo));
        }
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(bands ? 0.18f : 0.0f);
        for (int k = 0; k < i; k++) {
            r.setSeriesPaint(k, ChartStyle.color(k));
            r.setSeriesFillPaint(k, ChartStyle.color(k));
            r.setSeriesStroke(k, ChartStyle.LINE);
        }
        XYPlot plot = new XYPlot(lines, x, y, r);
        // Each suggestion is a triangle in its setup's colour, outlined in black; one legend entry explains them.
        XYLineAndShapeRenderer m = new XYLineAndShapeRenderer(false, true);
        m.setUseOutlinePaint(true);
        m.setDefaultOutlinePaint(Color.BLACK);
        m.setDefaultOutlineStroke(new BasicStroke(1.2f));
        for (int k = 0; k < i; k++) {
            m.setSeriesPaint(k, ChartStyle.color(k));
            m.setSeriesShape(k, Shapes.triangle(9));
            m.setSeriesVisibleInLegend(k, false);
        }
        plot.setDataset(1, marks);
        plot.setRenderer(1, m);
        LegendItemCollection legend = new LegendItemCollection();
        legend.addAll(r.getLegendItems());
        LegendItem key = new LegendItem("range-test suggestion (steepest descent), in its setup's colour", null, null, null,
                Shapes.triangle(7), Color.WHITE, new BasicStroke(1.2f), Color.BLACK);
        legend.add(key);
        plot.setFixedLegendItems(legend);
        int k = 0;
        for (LrFindSuggestion s : tables.suggestions()) {
            Double g = gridBest.get(s.label());
            if (g != null) {
                ValueMarker line = new ValueMarker(Math.log10(g), ChartStyle.color(k), ChartStyle.DASHED);
                ChartStyle.markerLabel(line, "grid best lr" + (gridBest.size() > 1 ? " (" + s.label() + ")" : ""),
                        ChartStyle.color(k));
                // One row per line, text to the left of it, so labels never overlap.
                line.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                line.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
                line.setLabelOffset(new RectangleInsets(6 + 16 * k, 4, 4, 4));
                plot.addDomainMarker(line);
            }
            k++;
        }
        JFreeChart chart = new JFreeChart("Learning-rate range test", ChartStyle.TITLE, plot, true);
        chart.addSubtitle(new TextTitle("one run per seed with the lr growing geometrically; line: mean over seeds"
                + (bands ? ", band: min to max" : "") + " (curves end where the first seed stopped)", ChartStyle.SUBTITLE));
        ChartStyle.apply(chart);
        return ChartStyle.png(chart, 1000, 640);
    }

    /** The curve's mean at the point nearest to {@code lr} (for placing a marker on it). */
    private static double at(List<LrFindTables.CurvePoint> curve, double lr) {
        double bestDistance = Double.POSITIVE_INFINITY;
        double y = Double.NaN;
        for (LrFindTables.CurvePoint p : curve) {
            double d = Math.abs(Math.log10(p.lr()) - Math.log10(lr));
            if (d < bestDistance) {
                bestDistance = d;
                y = p.mean();
            }
        }
        return y;
    }
}
