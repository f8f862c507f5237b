package io.lrsweep.job.report;

import io.lrsweep.job.analysis.Labels;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A base-10 log axis labelled the way people read log plots: at 1, 2 and 5 times each power of ten,
 * with unlabelled minor ticks between; every digit when the range spans at most one decade; about
 * eight powers of ten when it spans more than four. JFreeChart's own LogAxis labels fractional powers
 * (0.0079, 0.0089, ...), which nobody can read.
 */
final class Log125Axis extends LogAxis {

    Log125Axis(String label) {
        super(label);
        setBase(10.0);
        setMinorTickMarksVisible(true);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge);
    }

    private List<NumberTick> ticks(RectangleEdge edge) {
        double lo = getLowerBound();
        double hi = getUpperBound();
        List<NumberTick> ticks = new ArrayList<>();
        if (!(lo > 0.0) || !(hi > lo)) {
            return ticks;
        }
        double span = Math.log10(hi / lo);
        TextAnchor anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT
                : edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT
                : edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        if (span > 4) {
            // Many decades (a plateau schedule with min_lr 0 falls by ninety): label about eight
            // powers of ten, mark the others.
            int step = (int) Math.max(1, Math.ceil(span / 8));
            int top = (int) Math.floor(Math.log10(hi) + 1e-9);
            for (int k = (int) Math.ceil(Math.log10(lo) - 1e-9); k <= top; k++) {
                // Counted from the top, where the schedules start: the initial lr's decade is labelled.
                boolean major = Math.floorMod(top - k, step) == 0;
                if (major || span <= 30) {
                    double v = Math.pow(10.0, k);
                    ticks.add(new NumberTick(major ? TickType.MAJOR : TickType.MINOR, v, major ? Labels.sig(v, 2) : "",
                            anchor, anchor, 0.0));
                }
            }
            return ticks;
        }
        int[] labelled = span > 1.0 ? new int[]{1, 2, 5} : new int[]{1, 2, 3, 4, 5, 6, 7, 8, 9};
        for (int k = (int) Math.floor(Math.log10(lo)); k <= (int) Math.ceil(Math.log10(hi)); k++) {
            for (int digit = 1; digit <= 9; digit++) {
                double v = digit * Math.pow(10.0, k);
                if (v < lo * (1 - 1e-9) || v > hi * (1 + 1e-9)) {
                    continue;
                }
                boolean major = contains(labelled, digit);
                ticks.add(new NumberTick(major ? TickType.MAJOR : TickType.MINOR, v,
                        major ? Labels.sig(v, 2) : "", anchor, anchor, 0.0));
            }
        }
        return ticks;
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
