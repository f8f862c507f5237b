package io.lrsweep.core.data;

import java.util.Arrays;

/**
 * A data set split, in row order, into training and validation rows, ready for the trainer:
 * features row-major, labels as indices and as one-hot rows, optionally standardised with
 * statistics of the training rows only. Built once per data set; the arrays are not copied
 * afterwards, so treat them as read-only and share them between trials.
 *
 * @param scaling the standardisation applied to both subsets ({@link FeatureScaling#identity}
 *                when the spec does not standardise)
 */
public record SplitData(Subset train, Subset validation, int featureCount, int classCount, FeatureScaling scaling) {

    /**
     * One side of the split.
     *
     * @param features {@code rows x featureCount}, row-major
     * @param labels   class index per row
     * @param oneHot   {@code rows x classCount}, row-major, 1.0 at the label and 0.0 elsewhere
     */
    public record Subset(double[] features, int[] labels, double[] oneHot, int rows) {
        public Subset {
            if (labels.length != rows || (rows > 0 && (features.length % rows != 0 || oneHot.length % rows != 0))) {
                throw new IllegalArgumentException("subset arrays do not match " + rows + " rows: features "
                        + features.length + ", labels " + labels.length + ", one-hot " + oneHot.length);
            }
        }
    }

    public SplitData {
        if (train.features().length != train.rows() * featureCount
                || validation.features().length != validation.rows() * featureCount
                || train.oneHot().length != train.rows() * classCount
                || validation.oneHot().length != validation.rows() * classCount) {
            throw new IllegalArgumentException("subsets do not have " + featureCount + " features and "
                    + classCount + " classes per row");
        }
        if (scaling.featureCount() != featureCount) {
            throw new IllegalArgumentException("scaling has " + scaling.featureCount() + " features, expected " + featureCount);
        }
    }

    /** Splits with the spec's {@code train_fraction} and {@code standardize}. */
    public static SplitData of(Dataset data, DatasetSpec spec) {
        return of(data, spec.trainFraction(), spec.standardize());
    }

    /**
     * The first {@code floor(rows * trainFraction)} rows train (500 of 1000 at 0.5, the floor of
     * the double product), the rest validate; both sides must be non-empty.
     */
    public static SplitData of(Dataset data, double trainFraction, boolean standardize) {
        DatasetSpec.checkTrainFraction(trainFraction);
        int rows = data.rows();
        int trainRows = (int) Math.floor(rows * trainFraction);
        if (trainRows < 1 || trainRows >= rows) {
            throw new IllegalArgumentException("dataset.train_fraction " + trainFraction + " of " + rows
                    + " rows gives " + trainRows + " training and " + (rows - trainRows)
                    + " validation rows; both must be at least 1");
        }
        int features = data.featureCount();
        double[] trainX = Arrays.copyOfRange(data.features(), 0, trainRows * features);
        double[] validationX = Arrays.copyOfRange(data.features(), trainRows * features, rows * features);
        FeatureScaling scaling = FeatureScaling.identity(features);
        if (standardize) {
            scaling = FeatureScaling.fit(trainX, trainRows, features);
            scaling.applyInPlace(trainX);
            scaling.applyInPlace(validationX);
        }
        int[] trainY = Arrays.copyOfRange(data.labels(), 0, trainRows);
        int[] validationY = Arrays.copyOfRange(data.labels(), trainRows, rows);
        Subset train = new Subset(trainX, trainY, oneHot(trainY, data.classCount()), trainRows);
        Subset validation = new Subset(validationX, validationY, oneHot(validationY, data.classCount()), rows - trainRows);
        return new SplitData(train, validation, features, data.classCount(), scaling);
    }

    private static double[] oneHot(int[] labels, int classCount) {
        double[] encoded = new double[labels.length * classCount];
        for (int row = 0; row < labels.length; row++) {
            encoded[row * classCount + labels[row]] = 1.0;
        }
        return encoded;
    }
}
