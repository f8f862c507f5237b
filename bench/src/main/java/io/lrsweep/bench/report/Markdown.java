package io.lrsweep.bench.report;

import java.util.Locale;

/** A markdown document being written, line by line. */
final class Markdown {
    private final StringBuilder text = new StringBuilder();

    void line(String s) {
        text.append(s).append('\n');
    }

    void line() {
        text.append('\n');
    }

    void append(Markdown other) {
        text.append(other.text);
    }

    /** {@code v} with {@code digits} decimals, or "n/a" for NaN. */
    static String f(double v, int digits) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,." + digits + "f", v);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
