package io.lrsweep.job.report;

import io.lrsweep.job.analysis.EpochSeries;
import io.lrsweep.job.analysis.SettingTrials;
import io.lrsweep.core.train.TrialStatus;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The reference study's figure for one axis, with the loss beside it: a cell per value of the axis
 * (at its own best setting of the others), each with train and validation accuracy over epochs on
 * the left and train and validation loss on the right; the mean over the finished seeds and a band
 * from their min to max. Every cell has the same axes, so cells compare by eye; the loss axis turns
 * logarithmic when the losses shown span more than a factor of ten.
 */
final class EpochGridChart {
    static final Color TRAIN = ChartStyle.color(0);
    static final Color VALIDATION = ChartStyle.color(1);

    private EpochGridChart() {}

    static byte[] render(FigurePlan.AxisPanels axis, Function<SettingTrials, EpochSeries> series, int epochs) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0.0;
        for (FigurePlan.Panel p : axis.panels()) {
            EpochSeries s = series.apply(p.setting());
            for (EpochSeries.Point e : s == null ? List.<EpochSeries.Point>of() : s.points()) {
                lo = Math.min(lo, Math.min(e.loss().min(), e.valLoss().min()));
                hi = Math.max(hi, Math.max(e.loss().max(), e.valLoss().max()));
            }
        }
        boolean log = lo > 0 && hi / lo > 10;
        List<PanelGrid.Cell> cells = new ArrayList<>();
        for (FigurePlan.Panel p : axis.panels()) {
            EpochSeries s = series.apply(p.setting());
            List<EpochSeries.Point> points = s == null ? List.of() : s.points();
            SettingTrials t = p.setting();
            int notFinished = t.count(TrialStatus.DIVERGED) + t.count(TrialStatus.FAILED);
            int notOk = t.trials() - t.count(TrialStatus.OK);
            String note = notOk == 0 ? "" : "  (" + notOk + "/" + t.trials() + " " + t.mainFailure().label
                    + (notFinished > 0 ? ", not drawn" : "") + ")";
            NumberAxis accuracy = new NumberAxis("accuracy");
            accuracy.setRange(0.0, 1.0);
            ValueAxis loss = log ? ChartStyle.logAxis("loss") : new NumberAxis("loss");
            if (log) {
                loss.setRange(lo / 1.2, hi * 1.2);
            } else if (hi > 0) {
                loss.setRange(0.0, hi * 1.05);
            }
            cells.add(new PanelGrid.Cell(p.title() + note, note.isEmpty() ? Color.BLACK : new Color(0xB22222),
                    chart(points, EpochSeries.Point::accuracy, EpochSeries.Point::valAccuracy, accuracy, epochs),
                    chart(points, EpochSeries.Point::loss, EpochSeries.Point::valLoss, loss, epochs)));
        }
        String title = axis.axis() == null ? "Accuracy and loss over epochs" : "Accuracy and loss over epochs by " + axis.label();
        String subtitle = (axis.caption().isEmpty() ? "" : axis.caption() + ";  ") + "mean over the seeds that finished, band: min to max";
        return PanelGrid.render(title, subtitle, List.of(
                new PanelGrid.Key("train", TRAIN, false),
                new PanelGrid.Key("validation (test)", VALIDATION, false),
                new PanelGrid.Key("seed spread", Color.GRAY, true)), cells);
    }

    private static JFreeChart chart(List<EpochSeries.Point> points, Function<EpochSeries.Point, EpochSeries.Band> train,
                                    Function<EpochSeries.Point, EpochSeries.Band> validation, ValueAxis y, int epochs) {
        YIntervalSeries tr = new YIntervalSeries("train");
        YIntervalSeries va = new YIntervalSeries("validation");
        for (EpochSeries.Point p : points) {
            EpochSeries.Band a = train.apply(p);
            EpochSeries.Band b = validation.apply(p);
            tr.add(p.epoch(), a.mean(), a.min(), a.max());
            va.add(p.epoch(), b.mean(), b.min(), b.max());
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(tr);
        data.addSeries(va);
        NumberAxis x = new NumberAxis("epoch");
        x.setRange(0, Math.max(2, epochs));
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.22f);
        r.setSeriesPaint(0, TRAIN);
        r.setSeriesFillPaint(0, TRAIN);
        r.setSeriesPaint(1, VALIDATION);
        r.setSeriesFillPaint(1, VALIDATION);
        r.setSeriesStroke(0, ChartStyle.LINE);
        r.setSeriesStroke(1, ChartStyle.LINE);
        XYPlot plot = new XYPlot(data, x, y, r);
        if (points.isEmpty()) {
            XYTextAnnotation none = new XYTextAnnotation("no seed finished", Math.max(2, epochs) / 2.0,
                    (y.getLowerBound() + y.getUpperBound()) / 2);
            none.setFont(ChartStyle.LABEL);
            none.setPaint(new Color(0xB22222));
            plot.addAnnotation(none);
        }
        JFreeChart chart = new JFreeChart(null, ChartStyle.TITLE, plot, false);
        ChartStyle.apply(chart);
        chart.setPadding(new RectangleInsets(2, 2, 2, 12));
        for (ValueAxis a : new ValueAxis[]{x, y}) {
            a.setLabelFont(ChartStyle.SMALL);
            a.setTickLabelFont(ChartStyle.SMALL);
        }
        return chart;
    }
}
