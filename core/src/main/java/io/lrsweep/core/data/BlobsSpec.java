package io.lrsweep.core.data;

/**
 * scikit-learn's {@code make_blobs} with integer {@code centers} and the default center box
 * (-10, 10); see {@link Blobs}. Reference problem: samples 1000, centers 3, features 2, std 2.0,
 * random_state 2, shuffle true, train_fraction 0.5.
 */
public record BlobsSpec(int samples, int centers, int features, double std, long randomState, boolean shuffle,
                        double trainFraction, boolean standardize) implements DatasetSpec {

    public BlobsSpec {
        if (samples < 2) {
            throw new IllegalArgumentException("dataset.samples must be an integer >= 2, got " + samples);
        }
        if (centers < 1) {
            throw new IllegalArgumentException("dataset.centers must be an integer >= 1, got " + centers);
        }
        if (features < 1) {
            throw new IllegalArgumentException("dataset.features must be an integer >= 1, got " + features);
        }
        if (!(std >= 0.0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("dataset.std must be a finite number >= 0, got " + std);
        }
        if (randomState < 0 || randomState > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("dataset.random_state must be an integer in [0, 2^32 - 1], got " + randomState);
        }
        DatasetSpec.checkTrainFraction(trainFraction);
    }

    /** The reference study's data set. */
    public static BlobsSpec reference() {
        return new BlobsSpec(1000, 3, 2, 2.0, 2, true, 0.5, false);
    }

    @Override
    public String kind() {
        return "blobs";
    }
}
