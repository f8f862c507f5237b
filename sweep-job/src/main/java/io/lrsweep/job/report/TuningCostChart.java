package io.lrsweep.job.report;

import io.lrsweep.job.analysis.Metric;
import io.lrsweep.job.analysis.TuningCost;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.List;

/** The expected best metric found by k random grid points against k, a line per optimizer/schedule ({@link TuningCost}). */
final class TuningCostChart {
    private TuningCostChart() {}

    static byte[] render(List<TuningCost> costs, Metric metric) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (TuningCost c : costs) {
            XYSeries s = new XYSeries(c.optimizer() + (c.schedule() == null ? "" : " " + c.schedule())
                    + " (" + c.values().size() + " points)", false);
            for (int k = 1; k <= c.expected().length; k++) {
                s.add(k, c.expected()[k - 1]);
            }
            data.addSeries(s);
        }
        LogAxis x = ChartStyle.logAxis("grid points tried at random (k)");
        NumberAxis y = new NumberAxis("expected best final " + metric.name());
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < costs.size(); i++) {
            r.setSeriesPaint(i, ChartStyle.color(i));
            r.setSeriesStroke(i, ChartStyle.LINE);
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart("What tuning costs: the best of k random grid points", ChartStyle.TITLE, plot, true);
        chart.addSubtitle(new TextTitle("exact expectation over the grid (draws without replacement); a point's value is its "
                + "seed mean, a diverged seed counted as the untrained net", ChartStyle.SUBTITLE));
        ChartStyle.apply(chart);
        return ChartStyle.png(chart, 960, 560);
    }
}
