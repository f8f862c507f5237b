package io.lrsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlobsTest {

    /** Asserts equal raw bits for every value and equal labels for every row. */
    static void assertSameBits(Dataset expected, Dataset actual) {
        assertEquals(expected.rows(), actual.rows(), "rows");
        assertEquals(expected.featureCount(), actual.featureCount(), "features");
        for (int row = 0; row < expected.rows(); row++) {
            for (int j = 0; j < expected.featureCount(); j++) {
                long want = Double.doubleToRawLongBits(expected.feature(row, j));
                long got = Double.doubleToRawLongBits(actual.feature(row, j));
                int r = row;
                int c = j;
                assertEquals(want, got, () -> "x" + c + " of row " + r + ": expected " + Double.toHexString(expected.feature(r, c))
                        + ", got " + Double.toHexString(actual.feature(r, c)));
            }
            assertEquals(expected.labels()[row], actual.labels()[row], "label of row " + row);
        }
    }

    @Test
    void referenceDataMatchesScikitLearnBitForBit() throws IOException {
        Dataset data = Blobs.generate(BlobsSpec.reference());
        assertSameBits(ReferenceData.hexBlobs(), data);
        assertEquals(3, data.classCount());
    }

    @Test
    void drawCountsFollowTheDocumentedSequence() {
        BlobsSpec spec = BlobsSpec.reference();
        Mt19937 rng = new Mt19937(spec.randomState());
        double[] centers = Blobs.drawCenters(rng, spec);
        assertEquals(12, rng.draws(), "draws after the centers");
        Dataset ordered = Blobs.drawPoints(rng, spec, centers);
        assertEquals(5108, rng.draws(), "draws after the normals (274 polar rejections)");
        Blobs.shuffle(rng, ordered);
        assertEquals(6451, rng.draws(), "draws after the shuffle");
    }

    @Test
    void clusterSizesAndOrderWithoutShuffle() {
        Dataset data = Blobs.generate(new BlobsSpec(1000, 3, 2, 2.0, 2, false, 0.5, false));
        int[] expected = new int[1000];
        Arrays.fill(expected, 334, 667, 1);
        Arrays.fill(expected, 667, 1000, 2);
        assertArrayEquals(expected, data.labels());
    }

    @Test
    void shuffledRowsArePermutationOfUnshuffledRows() {
        Dataset shuffled = Blobs.generate(BlobsSpec.reference());
        Dataset ordered = Blobs.generate(new BlobsSpec(1000, 3, 2, 2.0, 2, false, 0.5, false));
        assertEquals(rowKeys(ordered), rowKeys(shuffled));
        assertFalse(Arrays.equals(ordered.labels(), shuffled.labels()), "shuffle changed the row order");
    }

    private static List<String> rowKeys(Dataset data) {
        List<String> keys = new ArrayList<>();
        for (int row = 0; row < data.rows(); row++) {
            keys.add(Double.toHexString(data.feature(row, 0)) + "," + Double.toHexString(data.feature(row, 1))
                    + "," + data.labels()[row]);
        }
        keys.sort(null);
        return keys;
    }

    @Test
    void randomStateChangesTheDataAndSameStateRepeatsIt() {
        Dataset seed2 = Blobs.generate(BlobsSpec.reference());
        Dataset seed3 = Blobs.generate(new BlobsSpec(1000, 3, 2, 2.0, 3, true, 0.5, false));
        assertFalse(Arrays.equals(seed2.features(), seed3.features()));
        assertArrayEquals(seed2.features(), Blobs.generate(BlobsSpec.reference()).features());
    }

    @Test
    void threeFeaturesClusterAroundCentersInsideTheBox() {
        BlobsSpec spec = new BlobsSpec(600, 4, 3, 1.0, 7, false, 0.5, false);
        Dataset data = Blobs.generate(spec);
        assertEquals(600, data.rows());
        assertEquals(3, data.featureCount());
        assertEquals(4, data.classCount());
        double[] centers = Blobs.drawCenters(new Mt19937(7), spec);
        for (double c : centers) {
            assertTrue(c >= -10.0 && c < 10.0, "center " + c + " outside the box");
        }
        for (int cluster = 0; cluster < 4; cluster++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0.0;
                for (int row = cluster * 150; row < (cluster + 1) * 150; row++) {
                    assertEquals(cluster, data.labels()[row]);
                    sum += data.feature(row, j);
                }
                // std of a 150-row mean is 1 / sqrt(150) = 0.08; 0.4 is five of them
                assertEquals(centers[cluster * 3 + j], sum / 150, 0.4, "cluster " + cluster + " feature " + j);
            }
        }
    }

    @Test
    void zeroStdPutsEveryPointOnItsCenter() {
        BlobsSpec spec = new BlobsSpec(5, 2, 2, 0.0, 1, false, 0.5, false);
        Dataset data = Blobs.generate(spec);
        double[] centers = Blobs.drawCenters(new Mt19937(1), spec);
        for (int row = 0; row < 5; row++) {
            int cluster = data.labels()[row];
            assertEquals(centers[cluster * 2], data.feature(row, 0));
            assertEquals(centers[cluster * 2 + 1], data.feature(row, 1));
        }
        assertArrayEquals(new int[] {0, 0, 0, 1, 1}, data.labels());
    }

    @Test
    void fewerSamplesThanCentersLeavesLaterClustersEmpty() {
        BlobsSpec spec = new BlobsSpec(2, 3, 2, 1.0, 0, false, 0.5, false);
        assertEquals(1, Blobs.clusterSize(spec, 0));
        assertEquals(1, Blobs.clusterSize(spec, 1));
        assertEquals(0, Blobs.clusterSize(spec, 2));
        Dataset data = Blobs.generate(spec);
        assertArrayEquals(new int[] {0, 1}, data.labels());
        assertEquals(3, data.classCount());
    }

    @Test
    void tooManyValuesIsRejectedWithTheFieldNames() {
        BlobsSpec spec = new BlobsSpec(Integer.MAX_VALUE, 3, 2, 1.0, 0, false, 0.5, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Blobs.generate(spec));
        assertTrue(e.getMessage().contains("dataset.samples x dataset.features"), e.getMessage());
    }
}
