package io.lrsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitDataTest {

    private static final Dataset REFERENCE = Blobs.generate(BlobsSpec.reference());

    @Test
    void referenceSplitsFiveHundredFiveHundredInRowOrder() {
        SplitData split = SplitData.of(REFERENCE, BlobsSpec.reference());
        assertEquals(500, split.train().rows());
        assertEquals(500, split.validation().rows());
        assertEquals(2, split.featureCount());
        assertEquals(3, split.classCount());
        assertArrayEquals(Arrays.copyOfRange(REFERENCE.features(), 0, 1000), split.train().features());
        assertArrayEquals(Arrays.copyOfRange(REFERENCE.features(), 1000, 2000), split.validation().features());
        assertArrayEquals(Arrays.copyOfRange(REFERENCE.labels(), 500, 1000), split.validation().labels());
        assertEquals(FeatureScaling.identity(2), split.scaling());
    }

    @Test
    void oneHotHasASingleOneAtTheLabel() {
        SplitData split = SplitData.of(REFERENCE, 0.5, false);
        for (SplitData.Subset subset : new SplitData.Subset[] {split.train(), split.validation()}) {
            assertEquals(subset.rows() * 3, subset.oneHot().length);
            for (int row = 0; row < subset.rows(); row++) {
                for (int c = 0; c < 3; c++) {
                    double expected = c == subset.labels()[row] ? 1.0 : 0.0;
                    assertEquals(expected, subset.oneHot()[row * 3 + c], "row " + row + " class " + c);
                }
            }
        }
    }

    @Test
    void standardisationIsFittedOnTrainingRowsOnly() {
        SplitData split = SplitData.of(REFERENCE, 0.5, true);
        for (int j = 0; j < 2; j++) {
            double[] train = column(split.train(), j);
            double[] validation = column(split.validation(), j);
            assertEquals(0.0, mean(train), 1e-12, "train mean of feature " + j);
            assertEquals(1.0, populationStd(train), 1e-12, "train std of feature " + j);
            assertNotEquals(0.0, mean(validation), "validation mean of feature " + j);
            double expected = (REFERENCE.feature(500, j) - split.scaling().mean()[j]) / split.scaling().scale()[j];
            assertEquals(expected, validation[0], "validation uses the train statistics");
        }
        double[] rawTrain = column(SplitData.of(REFERENCE, 0.5, false).train(), 0);
        assertEquals(mean(rawTrain), split.scaling().mean()[0], 1e-12);
        assertEquals(populationStd(rawTrain), split.scaling().scale()[0], 1e-12);
    }

    @Test
    void constantFeatureIsCentredButNotScaled() {
        double[] x = {5, 1, 5, 2, 5, 3, 5, 4};
        Dataset data = new Dataset(x, new int[] {0, 1, 0, 1}, 4, 2, 2);
        SplitData split = SplitData.of(data, 0.75, true);
        assertEquals(1.0, split.scaling().scale()[0]);
        assertArrayEquals(new double[] {0, 0, 0}, column(split.train(), 0));
        assertEquals(5.0, split.scaling().mean()[0]);
        assertEquals(2.0, split.scaling().mean()[1]);
    }

    @Test
    void splitLeavingASideEmptyIsRejected() {
        Dataset tiny = new Dataset(new double[] {1, 2, 3}, new int[] {0, 1, 0}, 3, 1, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SplitData.of(tiny, 0.2, false));
        assertTrue(e.getMessage().contains("dataset.train_fraction") && e.getMessage().contains("0 training"), e.getMessage());
        assertEquals(2, SplitData.of(tiny, 0.9, false).train().rows());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> SplitData.of(tiny, 1.0, false));
        assertTrue(range.getMessage().contains("dataset.train_fraction must be in (0, 1)"), range.getMessage());
    }

    private static double[] column(SplitData.Subset subset, int j) {
        int features = subset.features().length / subset.rows();
        double[] values = new double[subset.rows()];
        for (int row = 0; row < subset.rows(); row++) {
            values[row] = subset.features()[row * features + j];
        }
        return values;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).sum() / values.length;
    }

    private static double populationStd(double[] values) {
        double mean = mean(values);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length);
    }
}
