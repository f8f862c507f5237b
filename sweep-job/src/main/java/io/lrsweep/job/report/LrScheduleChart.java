package io.lrsweep.job.report;

import io.lrsweep.job.analysis.EpochSeries;
import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.analysis.SettingTrials;
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
import java.util.function.Function;

/**
 * The learning rate in force at the end of each epoch, for axes whose settings change it over the
 * epochs (decay, plateau patience, schedules): one line per value on a log scale, the geometric
 * mean over the finished seeds and a band from their min to max (plateau cuts happen at
 * seed-dependent epochs). A plateau controller with min_lr 0 keeps cutting (to 1e-90 in 200
 * epochs): the axis stops {@value #DECADES} decades below the largest lr and says so, rather than
 * squeezing the useful part into a sliver.
 */
final class LrScheduleChart {
    static final int DECADES = 6;

    private LrScheduleChart() {}

    /** Whether any panel's lr changes over the epochs (else there is nothing to draw). */
    static boolean changes(FigurePlan.AxisPanels axis, Function<SettingTrials, EpochSeries> series) {
        for (FigurePlan.Panel p : axis.panels()) {
            EpochSeries s = series.apply(p.setting());
            List<EpochSeries.Point> points = s == null ? List.of() : s.points();
            for (EpochSeries.Point e : points) {
                if (e.lr().min() != points.get(0).lr().min() || e.lr().max() != points.get(0).lr().max()) {
                    return true;
                }
            }
        }
        return false;
    }

    static byte[] render(FigurePlan.AxisPanels axis, Function<SettingTrials, EpochSeries> series, int epochs) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0.0;
        for (FigurePlan.Panel p : axis.panels()) {
            YIntervalSeries s = new YIntervalSeries(p.title());
            EpochSeries e = series.apply(p.setting());
            for (EpochSeries.Point pt : e == null ? List.<EpochSeries.Point>of() : e.points()) {
                if (pt.lr().min() > 0 && Double.isFinite(pt.lr().mean())) {
                    s.add(pt.epoch(), pt.lr().mean(), pt.lr().min(), pt.lr().max());
                    lo = Math.min(lo, pt.lr().min());
                    hi = Math.max(hi, pt.lr().max());
                }
            }
            data.addSeries(s);
        }
        NumberAxis x = new NumberAxis("epoch");
        x.setRange(0, Math.max(2, epochs));
        LogAxis y = ChartStyle.logAxis("learning rate at the end of the epoch (log scale)");
        String clipped = "";
        if (hi > 0) {
            double floor = hi / Math.pow(10, DECADES);
            if (lo < floor) {
                clipped = ";  lower rates not drawn (they fall to " + Labels.sig(lo, 2) + ")";
            }
            y.setRange(Math.max(lo, floor) / 1.25, hi * 1.25);
        }
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.18f);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, ChartStyle.color(i));
            r.setSeriesFillPaint(i, ChartStyle.color(i));
            r.setSeriesStroke(i, ChartStyle.LINE);
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart("Learning rate over epochs by " + axis.label(), ChartStyle.TITLE, plot, true);
        chart.addSubtitle(new TextTitle((axis.caption().isEmpty() ? "" : axis.caption() + ";  ")
                + "line: geometric mean over the seeds that finished, band: min to max" + clipped, ChartStyle.SUBTITLE));
        ChartStyle.apply(chart);
        chart.setPadding(new RectangleInsets(4, 4, 4, 16));
        return ChartStyle.png(chart, 1000, 620);
    }
}
