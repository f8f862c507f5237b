package io.lrsweep.job.report;

import org.jfree.chart.renderer.PaintScale;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;

/**
 * Viridis (matplotlib's default colour map: perceptually uniform, readable in grey and by most
 * colour-blind readers) from {@code lower} to {@code upper}, on a log scale when asked. A NaN value
 * (no seed ended ok) is light grey.
 */
final class ViridisScale implements PaintScale, Serializable {
    /** Viridis sampled at 0, 1/8, ..., 1. */
    private static final int[] STOPS = {0x440154, 0x46327E, 0x365C8D, 0x277F8E, 0x1FA187, 0x4AC16D, 0x9FDA3A, 0xFDE725};
    static final Color MISSING = new Color(0xCCCCCC);

    private final double lower;
    private final double upper;
    private final boolean log;

    ViridisScale(double lower, double upper, boolean log) {
        this.lower = lower;
        this.upper = upper > lower ? upper : lower + 1e-9;
        this.log = log;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return color(value);
    }

    Color color(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        double t = log ? (Math.log(value) - Math.log(lower)) / (Math.log(upper) - Math.log(lower))
                : (value - lower) / (upper - lower);
        t = Math.max(0.0, Math.min(1.0, t)) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(t));
        double f = t - i;
        Color a = new Color(STOPS[i]);
        Color b = new Color(STOPS[i + 1]);
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** Black on light cells, white on dark ones. */
    static Color textOn(Color c) {
        double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return luminance > 140 ? Color.BLACK : Color.WHITE;
    }
}
