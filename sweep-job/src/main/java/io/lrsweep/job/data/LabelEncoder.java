package io.lrsweep.job.data;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Maps a label column to classes 0..C-1. When every label is a number (a numeric column, or text
 * that reads as a finite number) the classes follow ascending numeric order, so "1" and "1.0" are
 * one class and "10" comes after "9"; otherwise the labels are text and the classes follow
 * lexicographic order. At least two classes are required, and at most {@link #MAX_CLASSES}, which
 * catches a continuous column picked as the label by mistake.
 */
final class LabelEncoder {

    static final int MAX_CLASSES = 1000;

    /** The encoded labels, and the original label of each class in class order. */
    record Encoded(int[] labels, List<String> classes) {}

    /** A label cell with the place it came from, for messages. */
    record Cell(Object value, String file, long row) {}

    private LabelEncoder() {}

    static Encoded encode(List<Cell> cells, String column, String source) {
        boolean numeric = true;
        for (Cell c : cells) {
            if (c.value() == null || (c.value() instanceof String s && s.isBlank())) {
                throw DataException.at(c.file(), c.row(), column, "missing or empty label");
            }
            if (numeric && number(c.value()) == null) {
                numeric = false;
            }
        }
        Encoded encoded = numeric ? byNumber(cells, column) : byText(cells);
        if (encoded.classes().size() < 2) {
            throw new DataException("dataset file " + source + ", column " + column + ": every one of the " + cells.size()
                    + " rows has the label '" + encoded.classes().get(0) + "'; a classifier needs at least 2 classes");
        }
        if (encoded.classes().size() > MAX_CLASSES) {
            throw new DataException("dataset file " + source + ", column " + column + ": " + encoded.classes().size()
                    + " distinct labels, more than the limit of " + MAX_CLASSES
                    + " classes; is this column really a class label?");
        }
        return encoded;
    }

    private static Encoded byNumber(List<Cell> cells, String column) {
        TreeMap<Double, Integer> index = new TreeMap<>();
        double[] values = new double[cells.size()];
        for (int i = 0; i < values.length; i++) {
            Cell c = cells.get(i);
            double v = number(c.value()) + 0.0; // -0.0 and 0.0 are one class
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw DataException.at(c.file(), c.row(), column, "label " + c.value() + " is not a finite number");
            }
            values[i] = v;
            index.put(v, 0);
        }
        List<String> classes = new ArrayList<>(index.size());
        for (var e : index.entrySet()) {
            e.setValue(classes.size());
            classes.add(plain(e.getKey()));
        }
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = index.get(values[i]);
        }
        return new Encoded(labels, classes);
    }

    private static Encoded byText(List<Cell> cells) {
        TreeMap<String, Integer> index = new TreeMap<>();
        String[] values = new String[cells.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = cells.get(i).value().toString().strip();
            index.put(values[i], 0);
        }
        List<String> classes = new ArrayList<>(index.size());
        for (var e : index.entrySet()) {
            e.setValue(classes.size());
            classes.add(e.getKey());
        }
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = index.get(values[i]);
        }
        return new Encoded(labels, classes);
    }

    /** A numeric label's value (NaN included, so that it is reported as such), or null for text. */
    private static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return value instanceof String s ? NumericCells.parse(s) : null;
    }

    /** 3.0 prints as 3, so that a class reads as the label in the file. */
    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
