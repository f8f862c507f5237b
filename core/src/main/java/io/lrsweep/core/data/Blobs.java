package io.lrsweep.core.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * scikit-learn 1.2.1's {@code make_blobs} with integer {@code centers}, reproduced bit for bit
 * from numpy's legacy {@code RandomState} sequence (see {@code make-blobs-rng.md}), so a sweep
 * run here trains on exactly the data the Python study used.
 */
public final class Blobs {

    /** scikit-learn's default {@code center_box}. */
    public static final double CENTER_BOX_LOW = -10.0;
    public static final double CENTER_BOX_HIGH = 10.0;

    private Blobs() {
    }

    /** The data set for the spec: label = cluster index, classCount = number of centers. */
    public static Dataset generate(BlobsSpec spec) {
        long values = (long) spec.samples() * spec.features();
        if (values > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("dataset.samples x dataset.features must be at most "
                    + (Integer.MAX_VALUE - 8) + " values, got " + spec.samples() + " x " + spec.features());
        }
        Mt19937 rng = new Mt19937(spec.randomState());
        double[] centers = drawCenters(rng, spec);
        Dataset ordered = drawPoints(rng, spec, centers);
        return spec.shuffle() ? shuffle(rng, ordered) : ordered;
    }

    /** Step 3: {@code uniform(-10, 10, size=(centers, features))}, row-major. */
    static double[] drawCenters(Mt19937 rng, BlobsSpec spec) {
        double[] centers = new double[spec.centers() * spec.features()];
        for (int i = 0; i < centers.length; i++) {
            centers[i] = rng.uniform(CENTER_BOX_LOW, CENTER_BOX_HIGH);
        }
        return centers;
    }

    /** Rows in cluster k: samples / centers, plus one for the first samples % centers clusters. */
    static int clusterSize(BlobsSpec spec, int cluster) {
        return spec.samples() / spec.centers() + (cluster < spec.samples() % spec.centers() ? 1 : 0);
    }

    /**
     * Steps 4 and 5: cluster by cluster, row by row, {@code center + std * gauss()}; the gauss
     * cache carries over between clusters because it is one generator.
     */
    static Dataset drawPoints(Mt19937 rng, BlobsSpec spec, double[] centers) {
        int features = spec.features();
        double[] x = new double[spec.samples() * features];
        int[] y = new int[spec.samples()];
        int row = 0;
        for (int cluster = 0; cluster < spec.centers(); cluster++) {
            int size = clusterSize(spec, cluster);
            for (int i = 0; i < size; i++, row++) {
                for (int j = 0; j < features; j++) {
                    x[row * features + j] = centers[cluster * features + j] + spec.std() * rng.gauss();
                }
                y[row] = cluster;
            }
        }
        return new Dataset(x, y, spec.samples(), features, spec.centers());
    }

    /**
     * Step 6, {@code sklearn.utils.shuffle}: numpy's Fisher-Yates over an index array
     * ({@code j = random_interval(i)} for i = n-1 down to 1), then rows taken in that order.
     */
    static Dataset shuffle(Mt19937 rng, Dataset data) {
        int n = data.rows();
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        for (int i = n - 1; i >= 1; i--) {
            int j = (int) rng.randomInterval(i);
            int swap = index[i];
            index[i] = index[j];
            index[j] = swap;
        }
        int features = data.featureCount();
        double[] x = new double[data.features().length];
        int[] y = new int[n];
        for (int row = 0; row < n; row++) {
            System.arraycopy(data.features(), index[row] * features, x, row * features, features);
            y[row] = data.labels()[index[row]];
        }
        return new Dataset(x, y, n, features, data.classCount());
    }

    /**
     * Writes {@code x0,...,x{F-1},label} then one line per row. Values use
     * {@link Double#toString}, the shortest decimal that parses back to the same bits.
     */
    public static void toCsv(Dataset data, Writer out) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int j = 0; j < data.featureCount(); j++) {
            line.append('x').append(j).append(',');
        }
        out.write(line.append("label\n").toString());
        for (int row = 0; row < data.rows(); row++) {
            line.setLength(0);
            for (int j = 0; j < data.featureCount(); j++) {
                line.append(Double.toString(data.feature(row, j))).append(',');
            }
            out.write(line.append(data.labels()[row]).append('\n').toString());
        }
        out.flush();
    }

    /** {@link #toCsv(Dataset, Writer)} to a UTF-8 file, replacing it if it exists. */
    public static void toCsv(Dataset data, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            toCsv(data, out);
        }
    }
}
