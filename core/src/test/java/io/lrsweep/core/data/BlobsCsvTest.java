package io.lrsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobsCsvTest {

    /** Parses what {@link Blobs#toCsv} writes: header x0..x{F-1},label. */
    private static Dataset parse(List<String> lines, int classCount) {
        int features = lines.get(0).split(",").length - 1;
        int rows = lines.size() - 1;
        double[] x = new double[rows * features];
        int[] y = new int[rows];
        for (int row = 0; row < rows; row++) {
            String[] cells = lines.get(row + 1).split(",");
            for (int j = 0; j < features; j++) {
                x[row * features + j] = Double.parseDouble(cells[j]);
            }
            y[row] = Integer.parseInt(cells[features]);
        }
        return new Dataset(x, y, rows, features, classCount);
    }

    @Test
    void referenceRoundTripsBitForBit() throws IOException {
        Dataset data = Blobs.generate(BlobsSpec.reference());
        StringWriter out = new StringWriter();
        Blobs.toCsv(data, out);
        List<String> lines = out.toString().lines().toList();
        assertEquals("x0,x1,label", lines.get(0));
        assertEquals(1001, lines.size());
        BlobsTest.assertSameBits(data, parse(lines, 3));
    }

    @Test
    void fileWithThreeFeaturesRoundTrips(@TempDir Path dir) throws IOException {
        Dataset data = Blobs.generate(new BlobsSpec(50, 2, 3, 3.0, 11, true, 0.5, false));
        Path file = dir.resolve("blobs.csv");
        Blobs.toCsv(data, file);
        List<String> lines = Files.readAllLines(file);
        assertEquals("x0,x1,x2,label", lines.get(0));
        BlobsTest.assertSameBits(data, parse(lines, 2));
    }
}
