package io.lrsweep.job.report;

import io.lrsweep.job.analysis.SensitivityRow;
import io.lrsweep.job.analysis.Setting;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reference study's figure for one axis: a grid of small plots, one per value of the axis,
 * each with train and validation (test) accuracy over epochs, the mean over the seeds that ended
 * ok and a band from their min to max. Every panel has the same axes, so panels compare by eye.
 */
final class AccuracyGridChart {
    static final Color TRAIN = ChartStyle.color(0);
    static final Color VALIDATION = ChartStyle.color(1);

    private AccuracyGridChart() {}

    static byte[] render(FigurePlan.AxisPanels axis, Map<Setting, List<EpochCurves.Point>> curves, int epochs) {
        List<JFreeChart> panels = new ArrayList<>();
        for (SensitivityRow row : axis.panels()) {
            panels.add(panel(row, curves.getOrDefault(row.setting(), List.of()), epochs));
        }
        String title = "Accuracy over epochs by " + axis.axis().label;
        String subtitle = axis.setup() + ";  mean over the seeds that ended ok, band: min to max";
        return PanelGrid.render(title, subtitle, List.of(
                new PanelGrid.Key("train accuracy", TRAIN, false),
                new PanelGrid.Key("validation (test) accuracy", VALIDATION, false),
                new PanelGrid.Key("seed spread", Color.GRAY, true)), panels);
    }

    private static JFreeChart panel(SensitivityRow row, List<EpochCurves.Point> points, int epochs) {
        YIntervalSeries train = new YIntervalSeries("train");
        YIntervalSeries validation = new YIntervalSeries("validation");
        for (EpochCurves.Point p : points) {
            train.add(p.epoch(), p.accuracy(), p.accuracyMin(), p.accuracyMax());
            validation.add(p.epoch(), p.valAccuracy(), p.valAccuracyMin(), p.valAccuracyMax());
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(train);
        data.addSeries(validation);
        NumberAxis x = new NumberAxis("epoch");
        x.setRange(0, Math.max(2, epochs));
        NumberAxis y = new NumberAxis("accuracy");
        y.setRange(0.0, 1.0);
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
            XYTextAnnotation none = new XYTextAnnotation("no seed ended ok", Math.max(2, epochs) / 2.0, 0.5);
            none.setFont(ChartStyle.LABEL);
            none.setPaint(new Color(0xB22222));
            plot.addAnnotation(none);
        }
        JFreeChart chart = new JFreeChart(null, ChartStyle.TITLE, plot, false);
        ChartStyle.apply(chart);
        // Room on the right for the last epoch's tick label.
        chart.setPadding(new RectangleInsets(2, 2, 2, 14));
        x.setLabelFont(ChartStyle.SMALL);
        y.setLabelFont(ChartStyle.SMALL);
        x.setTickLabelFont(ChartStyle.SMALL);
        y.setTickLabelFont(ChartStyle.SMALL);
        String title = row.axis().label + " = " + row.axisValue();
        var s = row.stats();
        String note = s.diverged() + s.failed() > 0 ? "  (" + (s.diverged() + s.failed()) + "/" + s.trials() + " diverged)" : "";
        TextTitle t = new TextTitle(title + note, new Font("SansSerif", Font.BOLD, 13));
        if (!note.isEmpty()) {
            t.setPaint(new Color(0xB22222));
        }
        chart.setTitle(t);
        return chart;
    }
}
