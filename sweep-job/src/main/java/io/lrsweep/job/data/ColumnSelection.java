package io.lrsweep.job.data;

import io.lrsweep.core.data.FileDatasetSpec;
import io.lrsweep.core.data.FileDatasetSpec.ColumnRef;

import java.util.ArrayList;
import java.util.List;

/**
 * The label and feature columns of a table, resolved from the sweep's names or 0-based positions
 * against the table's columns. No feature columns in the sweep means every column but the label.
 *
 * @param names    the table's column names, in order
 * @param label    the label column's position
 * @param features the feature columns' positions, in the order the sweep lists them
 */
record ColumnSelection(List<String> names, int label, int[] features) {

    static ColumnSelection resolve(FileDatasetSpec spec, List<String> names) {
        int label = position(spec.label(), names, spec.path(), "dataset.label");
        List<Integer> features = new ArrayList<>();
        if (spec.features().isEmpty()) {
            for (int i = 0; i < names.size(); i++) {
                if (i != label) {
                    features.add(i);
                }
            }
            if (features.isEmpty()) {
                throw new DataException("dataset file " + spec.path() + " has only the label column " + describe(names, label)
                        + "; at least one feature column is needed");
            }
        } else {
            for (int k = 0; k < spec.features().size(); k++) {
                String field = "dataset.features[" + k + "]";
                int at = position(spec.features().get(k), names, spec.path(), field);
                if (at == label) {
                    throw new DataException(field + " " + spec.features().get(k) + " is the label column "
                            + describe(names, label) + " of " + spec.path() + "; a feature cannot be the label");
                }
                if (features.contains(at)) {
                    throw new DataException(field + " " + spec.features().get(k) + " is the column " + describe(names, at)
                            + ", already listed as a feature");
                }
                features.add(at);
            }
        }
        return new ColumnSelection(List.copyOf(names), label, features.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int position(ColumnRef ref, List<String> names, String path, String field) {
        if (ref.name() != null) {
            int at = names.indexOf(ref.name());
            if (at < 0) {
                throw new DataException(field + ": dataset file " + path + " has no column '" + ref.name()
                        + "'; its columns are " + listing(names));
            }
            return at;
        }
        if (ref.index() >= names.size()) {
            throw new DataException(field + ": column position " + ref.index() + " is out of range: dataset file " + path
                    + " has " + names.size() + " columns (positions 0 to " + (names.size() - 1) + "): " + listing(names));
        }
        return ref.index();
    }

    /** A column as messages name it: {@code 'x1' (#1)}. */
    static String describe(List<String> names, int at) {
        return "'" + names.get(at) + "' (#" + at + ")";
    }

    String describe(int at) {
        return describe(names, at);
    }

    private static String listing(List<String> names) {
        List<String> quoted = new ArrayList<>(names.size());
        for (String n : names) {
            quoted.add("'" + n + "'");
        }
        return String.join(", ", quoted);
    }
}
