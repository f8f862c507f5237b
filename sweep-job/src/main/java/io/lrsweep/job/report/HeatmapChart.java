package io.lrsweep.job.report;

import io.lrsweep.core.train.TrialStatus;
import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.analysis.Metric;
import io.lrsweep.job.analysis.SettingTrials;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.Color;
import java.awt.Font;

/**
 * The metric's mean final value over two axes, the other settings fixed at the best setting's: one
 * cell per pair of values, its value written in it, the cells where some seed did not end ok saying
 * how many and how. A cell with no finished seed is grey. The colour scale is logarithmic when the
 * values span more than a factor of 10.
 */
final class HeatmapChart {
    private HeatmapChart() {}

    static byte[] render(FigurePlan.HeatmapSlice slice, Metric metric) {
        int nx = slice.xValues().size();
        int ny = slice.yValues().size();
        double[][] xyz = new double[3][nx * ny];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                SettingTrials s = slice.cells().get(slice.xValues().get(i)).get(slice.yValues().get(j));
                Double v = Double.isNaN(s.meanCost()) ? null : metric.value(s.meanCost());
                int k = i * ny + j;
                xyz[0][k] = i;
                xyz[1][k] = j;
                xyz[2][k] = v == null ? Double.NaN : v;
                if (v != null) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo <= hi)) {
            lo = 0.0;
            hi = 1.0;
        }
        boolean log = lo > 0 && hi / lo > 10;
        ViridisScale scale = new ViridisScale(lo, hi, log);
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("final " + metric.name(), xyz);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        SymbolAxis x = new SymbolAxis(slice.x().label(), slice.xValues().toArray(new String[0]));
        SymbolAxis y = new SymbolAxis(slice.y().label(), slice.yValues().toArray(new String[0]));
        x.setGridBandsVisible(false);
        y.setGridBandsVisible(false);
        x.setRange(-0.5, nx - 0.5);
        y.setRange(-0.5, ny - 0.5);
        XYPlot plot = new XYPlot(data, x, y, r);
        Font valueFont = new Font("SansSerif", Font.BOLD, nx * ny > 60 ? ChartStyle.MIN_FONT : 13);
        for (int k = 0; k < nx * ny; k++) {
            SettingTrials s = slice.cells().get(slice.xValues().get((int) xyz[0][k])).get(slice.yValues().get((int) xyz[1][k]));
            Color text = ViridisScale.textOn(scale.color(xyz[2][k]));
            String value = Double.isNaN(xyz[2][k]) ? "no seed finished" : Labels.fixed(xyz[2][k], 3);
            int bad = s.trials() - s.count(TrialStatus.OK);
            annotate(plot, value, xyz[0][k], xyz[1][k] + (bad > 0 ? 0.12 : 0.0), valueFont, text);
            if (bad > 0) {
                annotate(plot, bad + "/" + s.trials() + " " + s.mainFailure().label, xyz[0][k], xyz[1][k] - 0.18,
                        ChartStyle.SMALL, text);
            }
        }
        JFreeChart chart = new JFreeChart("Mean final " + metric.name() + ": " + slice.x().label() + " x " + slice.y().label(),
                ChartStyle.TITLE, plot, false);
        chart.addSubtitle(new TextTitle(slice.fixed() + ";  mean over the seeds that finished ("
                + (metric.lowerIsBetter() ? "lower" : "higher") + " is better)", ChartStyle.SUBTITLE));
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
        int width = Math.min(ChartStyle.MAX_WIDTH, Math.max(760, 140 + nx * 110));
        int height = Math.max(520, 160 + ny * 80);
        return ChartStyle.png(chart, width, height);
    }

    private static void annotate(XYPlot plot, String text, double x, double y, Font font, Color color) {
        XYTextAnnotation a = new XYTextAnnotation(text, x, y);
        a.setFont(font);
        a.setPaint(color);
        a.setTextAnchor(TextAnchor.CENTER);
        plot.addAnnotation(a);
    }
}
