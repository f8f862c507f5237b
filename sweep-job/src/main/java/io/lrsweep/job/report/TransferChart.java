package io.lrsweep.job.report;

import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.analysis.Metric;
import io.lrsweep.job.analysis.TransferFit;
import io.lrsweep.job.analysis.TransferPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.TreeSet;

/**
 * The transfer figures of one axis ({@link TransferFit}): the best lr against the axis on log-log
 * axes with each setup's fitted power law; the metric over lr x axis value with the ridge of best lr
 * traced; and the LR sensitivity at each axis value.
 */
final class TransferChart {
    /** At most this many setups per figure (the table has them all). */
    static final int MAX_SETUPS = 6;

    private TransferChart() {}

    /** Best lr (points, seed-bootstrap interval as bars) against the fit variable, log-log, with the fits dashed. */
    static byte[] bestLr(List<TransferFit> fits) {
        YIntervalSeriesCollection points = new YIntervalSeriesCollection();
        XYSeriesCollection lines = new XYSeriesCollection();
        int shown = Math.min(MAX_SETUPS, fits.size());
        for (int s = 0; s < shown; s++) {
            TransferFit f = fits.get(s);
            String name = f.setup() + (f.fit() == null ? "" : "  exponent " + Labels.sig(f.exponent(), 2)
                    + (f.exponentLow() == null ? "" : " [" + Labels.sig(f.exponentLow(), 2) + ", " + Labels.sig(f.exponentHigh(), 2) + "]"));
            YIntervalSeries p = new YIntervalSeries(name);
            XYSeries line = new XYSeries(name + " fit", false);
            for (TransferPoint t : f.points()) {
                if (t.bestLr() != null && t.fitX() > 0) {
                    p.add(t.fitX(), t.bestLr(), t.bestLrLow() == null ? t.bestLr() : t.bestLrLow(),
                            t.bestLrHigh() == null ? t.bestLr() : t.bestLrHigh());
                    if (f.fit() != null) {
                        line.add(t.fitX(), f.prefactor() * Math.pow(t.fitX(), f.exponent()));
                    }
                }
            }
            points.addSeries(p);
            lines.addSeries(line);
        }
        TransferFit first = fits.get(0);
        LogAxis x = ChartStyle.logAxis(first.axis().fitVariable);
        LogAxis y = ChartStyle.logAxis("best learning rate");
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(false);
        r.setErrorStroke(new BasicStroke(1.5f));
        XYPlot plot = new XYPlot(points, x, y, r);
        XYLineAndShapeRenderer fitRenderer = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < shown; s++) {
            r.setSeriesPaint(s, ChartStyle.color(s));
            fitRenderer.setSeriesPaint(s, ChartStyle.color(s));
            fitRenderer.setSeriesStroke(s, ChartStyle.DASHED);
            fitRenderer.setSeriesVisibleInLegend(s, false);
        }
        plot.setDataset(1, lines);
        plot.setRenderer(1, fitRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart("Best learning rate against " + first.axis().label, ChartStyle.TITLE, plot, true);
        chart.addSubtitle(new TextTitle("points: best lr per value, bars: its seed-bootstrap 95% interval; dashed: "
                + "least squares in log-log, best_lr ~ (" + first.axis().fitVariable + ")^exponent", ChartStyle.SUBTITLE));
        ChartStyle.apply(chart);
        return ChartStyle.png(chart, 960, 600);
    }

    /** The metric's mean over lr x axis value for one setup, the best lr of each value joined (the ridge). */
    static byte[] heatmap(TransferFit f, Metric metric) {
        List<TransferPoint> pts = f.points();
        TreeSet<Double> lrSet = new TreeSet<>();
        for (TransferPoint p : pts) {
            for (double lr : p.lrs()) {
                lrSet.add(lr);
            }
        }
        List<Double> lrs = List.copyOf(lrSet);
        int nx = pts.size();
        int ny = lrs.size();
        double[][] xyz = new double[3][nx * ny];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        XYSeries ridge = new XYSeries("best lr", false);
        for (int i = 0; i < nx; i++) {
            TransferPoint p = pts.get(i);
            for (int j = 0; j < ny; j++) {
                int k = i * ny + j;
                xyz[0][k] = i;
                xyz[1][k] = j;
                xyz[2][k] = Double.NaN;
            }
            for (int m = 0; m < p.lrs().length; m++) {
                int j = lrs.indexOf(p.lrs()[m]);
                double v = p.values()[m];
                xyz[2][i * ny + j] = v;
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (p.bestLr() != null) {
                ridge.add(i, lrs.indexOf(p.bestLr()));
            }
        }
        if (!(lo <= hi)) {
            lo = 0.0;
            hi = 1.0;
        }
        boolean log = lo > 0 && hi / lo > 10;
        ViridisScale scale = new ViridisScale(lo, hi, log);
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(metric.name(), xyz);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setPaintScale(scale);
        String[] xLabels = pts.stream().map(p -> Labels.num(p.axisValue())).toArray(String[]::new);
        String[] yLabels = lrs.stream().map(Labels::num).toArray(String[]::new);
        SymbolAxis x = new SymbolAxis(f.axis().label, xLabels);
        SymbolAxis y = new SymbolAxis("learning rate", yLabels);
        x.setGridBandsVisible(false);
        y.setGridBandsVisible(false);
        x.setRange(-0.5, nx - 0.5);
        y.setRange(-0.5, ny - 0.5);
        XYPlot plot = new XYPlot(data, x, y, blocks);
        XYLineAndShapeRenderer ridgeRenderer = new XYLineAndShapeRenderer(true, true);
        ridgeRenderer.setSeriesPaint(0, Color.RED);
        ridgeRenderer.setSeriesStroke(0, new BasicStroke(2.5f));
        plot.setDataset(1, new XYSeriesCollection(ridge));
        plot.setRenderer(1, ridgeRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart("Mean final " + metric.name() + ": learning rate x " + f.axis().label,
                ChartStyle.TITLE, plot, false);
        chart.addSubtitle(new TextTitle(f.setup() + ";  red: the best lr at each value (the ridge); grey: no seed finished",
                ChartStyle.SUBTITLE));
        String legendLabel = "mean final " + metric.name();
        ValueAxis legendAxis = log ? ChartStyle.logAxis(legendLabel) : new NumberAxis(legendLabel);
        legendAxis.setRange(lo, Math.max(hi, lo + 1e-9));
        ChartStyle.axisFonts(legendAxis);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(18);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        ChartStyle.apply(chart);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return ChartStyle.png(chart, Math.min(ChartStyle.MAX_WIDTH, Math.max(760, 200 + nx * 90)), Math.max(520, 160 + ny * 40));
    }

    /** The LR sensitivity against the axis value, a line per setup (log x when every value is positive). */
    static byte[] sensitivity(List<TransferFit> fits) {
        XYSeriesCollection data = new XYSeriesCollection();
        boolean positive = true;
        int shown = Math.min(MAX_SETUPS, fits.size());
        for (int s = 0; s < shown; s++) {
            XYSeries series = new XYSeries(fits.get(s).setup(), false);
            for (TransferPoint p : fits.get(s).points()) {
                if (!Double.isNaN(p.sensitivity())) {
                    series.add(p.axisValue(), p.sensitivity());
                    positive &= p.axisValue() > 0;
                }
            }
            data.addSeries(series);
        }
        TransferFit first = fits.get(0);
        ValueAxis x = positive ? ChartStyle.logAxis(first.axis().label) : new NumberAxis(first.axis().label);
        NumberAxis y = new NumberAxis("LR sensitivity (Wortsman et al. 2023)");
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < shown; s++) {
            r.setSeriesPaint(s, ChartStyle.color(s));
            r.setSeriesStroke(s, ChartStyle.LINE);
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart("LR sensitivity against " + first.axis().label, ChartStyle.TITLE, plot, true);
        chart.addSubtitle(new TextTitle("mean over the swept lrs of min(final cost, initial cost) minus the best: lower is "
                + "more forgiving", ChartStyle.SUBTITLE));
        ChartStyle.apply(chart);
        return ChartStyle.png(chart, 960, 560);
    }
}
