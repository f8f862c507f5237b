package io.lrsweep.job.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How numbers and settings are written in tables, figure titles and the report: the shortest
 * decimal that reads back to the same double (so grid values someone typed print as typed), cut
 * to three significant digits when that takes more than six (a log-spaced range's 3.16227766017e-5
 * prints as 3.16e-5), in scientific form below 1e-3 ({@code 1e-7}, not {@code 0.0000001}).
 * Labels are for reading: code that groups by a setting keys on the values themselves.
 */
public final class Labels {
    private Labels() {}

    /** A grid value: {@code 0.01}, {@code 1}, {@code 1e-7}, {@code 3.16e-5}. */
    public static String num(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        if (x == 0.0) {
            return "0";
        }
        BigDecimal d = BigDecimal.valueOf(x).stripTrailingZeros();
        if (d.precision() > 6) {
            d = d.round(new MathContext(3)).stripTrailingZeros();
        }
        double a = Math.abs(x);
        if (a >= 1e-3 && a < 1e6) {
            return d.toPlainString();
        }
        int exponent = d.precision() - d.scale() - 1;
        return d.movePointLeft(exponent).toPlainString() + "e" + exponent;
    }

    /** A measured value with {@code digits} significant digits (losses, accuracies, learning rates). */
    public static String sig(double x, int digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        return num(new BigDecimal(x).round(new MathContext(Math.min(digits, 6))).doubleValue());
    }

    /** {@code digits} significant digits, trailing zeros kept (3.00, 0.442): cells of a table or heatmap. */
    public static String fixed(double x, int digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        return String.format(Locale.ROOT, "%." + digits + "g", x);
    }

    /** A nullable value; "–" when absent. */
    public static String sig(Double x, int digits) {
        return x == null ? "–" : sig(x.doubleValue(), digits);
    }

    public static String patience(Integer p) {
        return p == null ? "none" : Integer.toString(p);
    }
}
