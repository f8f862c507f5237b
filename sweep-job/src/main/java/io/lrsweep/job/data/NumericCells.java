package io.lrsweep.job.data;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Turns one table cell into a finite double, or says precisely why it cannot: missing, empty,
 * not a number, NaN, infinite. Text is read as a plain decimal ({@code 1}, {@code -0.5},
 * {@code 2.5e-3}); Java's looser forms ({@code 1d}, {@code 0x1p3}) are refused so that a file means
 * the same here as in pandas or DuckDB.
 */
final class NumericCells {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NAN = Pattern.compile("[+-]?nan", Pattern.CASE_INSENSITIVE);
    private static final Pattern INFINITE = Pattern.compile("[+-]?inf(inity)?", Pattern.CASE_INSENSITIVE);

    private NumericCells() {}

    /**
     * The value of {@code cell} (a String, a Number or null) as a finite double; otherwise a
     * {@link DataException} at {@code file}, {@code row}, {@code column}.
     */
    static double finite(Object cell, String file, long row, String column) {
        if (cell == null) {
            throw DataException.at(file, row, column, "missing or empty value");
        }
        double v = value(cell, file, row, column);
        if (Double.isNaN(v)) {
            throw DataException.at(file, row, column, "NaN is not allowed: values must be finite numbers");
        }
        if (Double.isInfinite(v)) {
            throw DataException.at(file, row, column, "'" + cell + "' is infinite: values must be finite numbers");
        }
        return v;
    }

    private static double value(Object cell, String file, long row, String column) {
        if (cell instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (cell instanceof Number n) {
            return n.doubleValue();
        }
        if (cell instanceof String s) {
            Double parsed = parse(s);
            if (parsed != null) {
                return parsed;
            }
            String t = s.strip();
            if (t.isEmpty()) {
                throw DataException.at(file, row, column, "empty value");
            }
            throw DataException.at(file, row, column, "'" + s + "' is not a number");
        }
        throw DataException.at(file, row, column, "a " + cell.getClass().getSimpleName() + " value, not a number");
    }

    /** A text cell as a double (NaN and infinities included), or null when it is not a number. */
    static Double parse(String text) {
        String t = text.strip();
        if (DECIMAL.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        if (NAN.matcher(t).matches()) {
            return Double.NaN;
        }
        if (INFINITE.matcher(t).matches()) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return null;
    }
}
