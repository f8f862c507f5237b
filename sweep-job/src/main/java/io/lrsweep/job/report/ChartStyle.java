package io.lrsweep.job.report;

import io.lrsweep.job.analysis.Labels;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * One look for every figure (white background, light grid, readable fonts, a colour-blind-safe
 * palette) and the helpers every chart needs: decade axes and PNG encoding in memory. Loading this
 * class switches AWT to headless mode, so figures render on machines without a display.
 */
final class ChartStyle {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Tableau 10, in order: distinct for the common colour-vision deficiencies. */
    static final Color[] PALETTE = {
            new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
            new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC),
    };
    static final Color GRID = new Color(0xDDDDDD);
    static final Font TITLE = new Font("SansSerif", Font.BOLD, 18);
    static final Font SUBTITLE = new Font("SansSerif", Font.PLAIN, 13);
    static final Font LABEL = new Font("SansSerif", Font.PLAIN, 14);
    static final Font TICK = new Font("SansSerif", Font.PLAIN, 12);
    static final Font SMALL = new Font("SansSerif", Font.PLAIN, 11);
    static final Font CELL_TITLE = new Font("SansSerif", Font.BOLD, 13);
    /** The widest figure: the report page's text width, so that no figure is shown scaled down. */
    static final int MAX_WIDTH = 1160;
    /** The smallest font any figure uses: legible at the figure's own size. */
    static final int MIN_FONT = 11;
    static final BasicStroke LINE = new BasicStroke(2.0f);
    static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[]{6f, 4f}, 0f);

    private ChartStyle() {}

    static Color color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LABEL);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
        }
        if (chart.getPlot() instanceof XYPlot p) {
            plot(p);
        }
    }

    static void plot(XYPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(GRID);
        p.setRangeGridlinePaint(GRID);
        p.setOutlinePaint(Color.GRAY);
        for (int i = 0; i < p.getDomainAxisCount(); i++) {
            axisFonts(p.getDomainAxis(i));
        }
        for (int i = 0; i < p.getRangeAxisCount(); i++) {
            axisFonts(p.getRangeAxis(i));
        }
    }

    static void axisFonts(Axis a) {
        if (a != null) {
            a.setLabelFont(LABEL);
            a.setTickLabelFont(TICK);
        }
    }

    /**
     * An axis in log10 units (the values plotted are log10(x)) whose ticks read as the original
     * numbers: 1e-3, 0.01, 0.1, 1 at whole decades; half decades (0.0032) only when the data span
     * at most {@code 2} decades, where whole decades alone would leave two or three ticks.
     */
    static NumberAxis decadeAxis(String label, double spanDecades) {
        NumberAxis axis = new NumberAxis(label);
        NumberFormat f = new DecadeFormat();
        TickUnits units = new TickUnits();
        if (spanDecades <= 2.0) {
            units.add(new NumberTickUnit(0.5, f));
        }
        units.add(new NumberTickUnit(1.0, f));
        units.add(new NumberTickUnit(2.0, f));
        units.add(new NumberTickUnit(5.0, f));
        axis.setStandardTickUnits(units);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /** A base-10 log axis for positive values (the learning rate over epochs, losses spanning decades). */
    static LogAxis logAxis(String label) {
        return new Log125Axis(label);
    }

    /** A vertical marker's label: small, in the marker's colour, on no background. */
    static void markerLabel(Marker m, String text, Color color) {
        m.setLabel(text);
        m.setLabelFont(SMALL);
        m.setLabelPaint(color);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
    }

    static byte[] png(JFreeChart chart, int width, int height) {
        return png(chart.createBufferedImage(width, height));
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeBufferedImageAsPNG(out, image);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding in memory failed", e);
        }
    }

    /** Tick labels of a log10-unit axis: the number 10^v. */
    private static final class DecadeFormat extends NumberFormat {
        @Override
        public StringBuffer format(double v, StringBuffer sb, FieldPosition pos) {
            return sb.append(Labels.sig(Math.pow(10.0, v), 2));
        }

        @Override
        public StringBuffer format(long v, StringBuffer sb, FieldPosition pos) {
            return format((double) v, sb, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }
    }

}
