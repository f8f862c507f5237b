package io.lrsweep.core.data;

import java.util.List;

/**
 * A data file read through Spark on the driver (sweep-job): CSV with a header, Parquet, or
 * LIBSVM. The label and feature columns are named or given by 0-based position; no feature
 * columns means every column but the label. LIBSVM has its own layout and takes neither.
 */
public record FileDatasetSpec(String kind, String path, ColumnRef label, List<ColumnRef> features,
                              double trainFraction, boolean standardize) implements DatasetSpec {

    /** A column by name or by 0-based position: exactly one of the two is set. */
    public record ColumnRef(String name, Integer index) implements java.io.Serializable {
        public ColumnRef {
            if ((name == null) == (index == null)) {
                throw new IllegalArgumentException("a column is named by exactly one of a name or a 0-based position");
            }
            if (index != null && index < 0) {
                throw new IllegalArgumentException("a column position must be >= 0, got " + index);
            }
        }

        public static ColumnRef named(String name) {
            return new ColumnRef(name, null);
        }

        public static ColumnRef at(int index) {
            return new ColumnRef(null, index);
        }

        @Override
        public String toString() {
            return name != null ? name : "#" + index;
        }
    }

    public FileDatasetSpec {
        if (!List.of("csv", "parquet", "libsvm").contains(kind)) {
            throw new IllegalArgumentException("dataset.kind must be one of " + DatasetSpec.KINDS + ", got '" + kind + "'");
        }
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("dataset.path is required for kind " + kind);
        }
        features = features == null ? List.of() : List.copyOf(features);
        if (kind.equals("libsvm") && (label != null || !features.isEmpty())) {
            throw new IllegalArgumentException("dataset.label and dataset.features do not apply to kind libsvm");
        }
        if (!kind.equals("libsvm") && label == null) {
            throw new IllegalArgumentException("dataset.label is required for kind " + kind + " (a column name or 0-based position)");
        }
        DatasetSpec.checkTrainFraction(trainFraction);
    }
}
