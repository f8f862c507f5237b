package io.lrsweep.core.data;

import java.util.Arrays;

/**
 * Per-feature standardisation {@code (x - mean[j]) / scale[j]}, fitted on training rows only so
 * that nothing about the validation rows leaks into training. {@code scale} is the population
 * standard deviation (divide by n, as scikit-learn's StandardScaler); a feature that is constant
 * over the training rows has scale 1, so it is centred but not divided by zero.
 */
public record FeatureScaling(double[] mean, double[] scale) {

    public FeatureScaling {
        if (mean.length != scale.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " values but scale has " + scale.length);
        }
        mean = mean.clone();
        scale = scale.clone();
        for (int j = 0; j < scale.length; j++) {
            if (!(scale[j] > 0.0) || Double.isInfinite(scale[j])) {
                throw new IllegalArgumentException("scale[" + j + "] must be finite and > 0, got " + scale[j]);
            }
        }
    }

    /** No scaling: mean 0 and scale 1 for every feature. */
    public static FeatureScaling identity(int featureCount) {
        double[] ones = new double[featureCount];
        Arrays.fill(ones, 1.0);
        return new FeatureScaling(new double[featureCount], ones);
    }

    /** Mean and population std of each column of a row-major block of {@code rows} rows. */
    public static FeatureScaling fit(double[] features, int rows, int featureCount) {
        if (rows < 1 || features.length != rows * featureCount) {
            throw new IllegalArgumentException("fit needs at least one row and rows x features values; got "
                    + features.length + " values for " + rows + " rows x " + featureCount + " features");
        }
        double[] mean = new double[featureCount];
        double[] scale = new double[featureCount];
        for (int j = 0; j < featureCount; j++) {
            double sum = 0.0;
            for (int row = 0; row < rows; row++) {
                sum += features[row * featureCount + j];
            }
            mean[j] = sum / rows;
            double squares = 0.0;
            for (int row = 0; row < rows; row++) {
                double d = features[row * featureCount + j] - mean[j];
                squares += d * d;
            }
            double std = Math.sqrt(squares / rows);
            scale[j] = std > 0.0 ? std : 1.0;
        }
        return new FeatureScaling(mean, scale);
    }

    public int featureCount() {
        return mean.length;
    }

    /** Scales a row-major block with {@link #featureCount()} columns in place. */
    public void applyInPlace(double[] features) {
        int featureCount = mean.length;
        if (features.length % featureCount != 0) {
            throw new IllegalArgumentException("features has " + features.length
                    + " values, not a whole number of rows of " + featureCount);
        }
        for (int i = 0; i < features.length; i++) {
            int j = i % featureCount;
            features[i] = (features[i] - mean[j]) / scale[j];
        }
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureScaling that && Arrays.equals(mean, that.mean) && Arrays.equals(scale, that.scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "FeatureScaling[mean=" + Arrays.toString(mean) + ", scale=" + Arrays.toString(scale) + "]";
    }
}
