package io.lrsweep.core.data;

/**
 * A classification dataset in memory: features row-major in one flat array
 * ({@code features[row * featureCount + j]}) and integer class labels in {@code [0, classCount)}.
 * The arrays are not copied; treat them as immutable once built.
 */
public record Dataset(double[] features, int[] labels, int rows, int featureCount, int classCount)
        implements java.io.Serializable {

    public Dataset {
        if (rows < 0 || featureCount < 1 || classCount < 1) {
            throw new IllegalArgumentException("dataset needs rows >= 0, features >= 1, classes >= 1; got rows "
                    + rows + ", features " + featureCount + ", classes " + classCount);
        }
        if (features.length != (long) rows * featureCount) {
            throw new IllegalArgumentException("features has " + features.length + " values, expected rows x features = "
                    + rows + " x " + featureCount);
        }
        if (labels.length != rows) {
            throw new IllegalArgumentException("labels has " + labels.length + " values, expected " + rows);
        }
        for (int i = 0; i < rows; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException("label " + labels[i] + " at row " + i + " is outside [0, " + classCount + ")");
            }
        }
    }

    public double feature(int row, int column) {
        return features[row * featureCount + column];
    }
}
