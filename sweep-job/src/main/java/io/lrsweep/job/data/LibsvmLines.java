package io.lrsweep.job.data;

import io.lrsweep.job.data.SourcedRows.SourcedRow;

import java.util.List;

/**
 * The LIBSVM line rules of Spark MLlib's parser, checked line by line before Spark parses the file,
 * so that a bad line is reported by its line number (Spark's task error gives none, and logs a
 * stack trace): blank lines and lines starting with '#' are skipped; otherwise a label and then
 * {@code index:value} items separated by spaces, indices 1-based integers in ascending order.
 */
final class LibsvmLines {

    private LibsvmLines() {}

    /**
     * The feature count (the largest index) of {@code lines}, a text read with one row per line;
     * a {@link DataException} naming the first line Spark's parser would refuse.
     */
    static int featureCount(List<SourcedRow> lines) {
        long largest = 0;
        for (SourcedRow r : lines) {
            String line = r.values().getString(0);
            try {
                long index = largestIndex(line);
                if (index > DataLimits.MAX_FEATURES) {
                    throw new DataException("dataset file " + r.file() + ", line " + r.row() + ": index " + index
                            + " is above the limit of " + DataLimits.MAX_FEATURES + " features (LIBSVM's largest index is "
                            + "the feature count; lrsweep's models take at most " + DataLimits.MAX_FEATURES + " inputs)");
                }
                largest = Math.max(largest, index);
            } catch (IllegalArgumentException e) {
                throw new DataException("dataset file " + r.file() + ", line " + r.row() + ": " + e.getMessage()
                        + " (LIBSVM lines are 'label index:value ...' with 1-based ascending indices)");
            }
        }
        return (int) largest;
    }

    /** The largest index on one line (0 for a blank or comment line or a label alone). */
    static long largestIndex(String line) {
        String t = line == null ? "" : line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
            return 0;
        }
        String[] items = t.split(" ");
        if (!isDouble(items[0])) {
            throw new IllegalArgumentException("label '" + items[0] + "' is not a number");
        }
        long previous = 0;
        for (int k = 1; k < items.length; k++) {
            String item = items[k];
            if (item.isEmpty()) {
                continue;
            }
            String[] pair = item.split(":");
            if (pair.length != 2 || !isDouble(pair[1])) {
                throw new IllegalArgumentException("'" + item + "' is not index:value");
            }
            long index;
            try {
                index = Integer.parseInt(pair[0]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + item + "' does not start with an integer index");
            }
            if (index < 1) {
                throw new IllegalArgumentException("index " + index + " in '" + item + "' is below 1 (indices are 1-based)");
            }
            if (index <= previous) {
                throw new IllegalArgumentException("index " + index + " in '" + item + "' is not above the previous index "
                        + previous);
            }
            previous = index;
        }
        return previous;
    }

    private static boolean isDouble(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
