package io.lrsweep.core.data;

/** Where a sweep's data comes from, and how it is split and scaled. */
public sealed interface DatasetSpec extends java.io.Serializable permits BlobsSpec, FileDatasetSpec {

    /** Fraction of rows, in row order, used for training; the rest is the validation set. */
    double trainFraction();

    /** Whether features are standardised with the mean and std of the training rows. */
    boolean standardize();

    /** The kind as written in sweep files: blobs, csv, parquet, libsvm. */
    String kind();

    java.util.List<String> KINDS = java.util.List.of("blobs", "csv", "parquet", "libsvm");

    static void checkTrainFraction(double trainFraction) {
        if (!(trainFraction > 0.0 && trainFraction < 1.0)) {
            throw new IllegalArgumentException("dataset.train_fraction must be in (0, 1), got " + trainFraction);
        }
    }
}
