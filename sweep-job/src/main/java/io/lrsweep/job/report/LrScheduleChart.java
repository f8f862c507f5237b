package io.lrsweep.job.report;

import io.lrsweep.job.analysis.SensitivityRow;
import io.lrsweep.job.analysis.Setting;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.util.List;
import java.util.Map;

/**
 * The learning rate in force at the end of each epoch, for decay and plateau runs: one line per
 * value of the axis on a log scale (time-based decay and plateau cuts span decades). The line is
 * the geometric mean over the seeds that ended ok, the band their min to max: plateau cuts happen
 * at seed-dependent epochs.
 */
final class LrScheduleChart {
    private LrScheduleChart() {}

    static byte[] render(FigurePlan.AxisPanels axis, Map<Setting, List<EpochCurves.Point>> curves, int epochs) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0.0;
        for (SensitivityRow row : axis.panels()) {
            YIntervalSeries s = new YIntervalSeries(axis.axis().label + " = " + row.axisValue());
            for (EpochCurves.Point p : curves.getOrDefault(row.setting(), List.of())) {
                if (p.lrMin() > 0 && Double.isFinite(p.lr())) {
                    s.add(p.epoch(), p.lr(), p.lrMin(), p.lrMax());
                    lo = Math.min(lo, p.lrMin());
                    hi = Math.max(hi, p.lrMax());
                }
            }
            data.addSeries(s);
        }
        NumberAxis x = new NumberAxis("epoch");
        x.setRange(0, Math.max(2, epochs));
        LogAxis y = ChartStyle.logAxis("learning rate at the end of the epoch (log scale)");
        if (hi > 0) {
            y.setRange(lo / 1.25, hi * 1.25);
        }
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.18f);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, ChartStyle.color(i));
            r.setSeriesFillPaint(i, ChartStyle.color(i));
            r.setSeriesStroke(i, ChartStyle.LINE);
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart("Learning rate over epochs by " + axis.axis().label, ChartStyle.TITLE, plot, true);
        chart.addSubtitle(new TextTitle(axis.setup() + ";  line: geometric mean over the seeds that ended ok, band: min to max",
                ChartStyle.SUBTITLE));
        ChartStyle.apply(chart);
        chart.setPadding(new RectangleInsets(4, 4, 4, 16));
        return ChartStyle.png(chart, 1000, 620);
    }
}
