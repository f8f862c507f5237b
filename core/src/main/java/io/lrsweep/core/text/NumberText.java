package io.lrsweep.core.text;

import java.math.BigDecimal;

/**
 * Numbers as people write them in sweep files and papers: {@code 0.001}, {@code 0.9}, {@code 25},
 * {@code 10000}, {@code 1e-7}; never {@code 25.0} or {@code 1.0E-7}. Used where a number becomes
 * part of a text that people read and compare: the README's rows and the {@code schedule} column.
 * The text reads back to the same double (it is the shortest decimal that does, reformatted).
 */
public final class NumberText {
    private NumberText() {}

    /** A double as people write it: plain decimals from 0.001 up, {@code 1e-5}, {@code 2.5e-7} below. */
    public static String of(double d) {
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (d == 0.0 || Math.abs(d) >= 1e-3) {
            return b.toPlainString();
        }
        int exponent = b.precision() - b.scale() - 1;
        return b.movePointRight(-exponent).toPlainString() + "e" + exponent;
    }

    /** An integer as itself, a double as {@link #of(double)}. */
    public static String of(Number n) {
        return n instanceof Double || n instanceof Float ? of(n.doubleValue()) : n.toString();
    }
}
