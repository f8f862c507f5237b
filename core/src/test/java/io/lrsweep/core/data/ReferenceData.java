package io.lrsweep.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.DoubleStream;

/** The reference data set and RNG draws shared by the data tests. */
final class ReferenceData {

    private ReferenceData() {
    }

    /** blobs_rs2_hex.csv (columns x0_hex,x1_hex,label, make_blobs output order) as a Dataset. */
    static Dataset hexBlobs() throws IOException {
        try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/blobs_rs2_hex.csv")) {
            if (in == null) {
                throw new IOException("test resource /reference/blobs_rs2_hex.csv is missing");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (!lines.get(0).equals("x0_hex,x1_hex,label")) {
                throw new IOException("unexpected header " + lines.get(0));
            }
            int rows = lines.size() - 1;
            double[] x = new double[rows * 2];
            int[] y = new int[rows];
            for (int row = 0; row < rows; row++) {
                String[] cells = lines.get(row + 1).split(",");
                x[row * 2] = Double.parseDouble(cells[0]);
                x[row * 2 + 1] = Double.parseDouble(cells[1]);
                y[row] = Integer.parseInt(cells[2]);
            }
            return new Dataset(x, y, rows, 2, 3);
        }
    }

    /**
     * The 1000 accepted r2 = x1^2 + x2^2 of the polar method for the reference problem, replaying
     * the generator: 6 uniforms for the centers, then 1000 accepted pairs (2000 normals).
     */
    static double[] acceptedR2() {
        Mt19937 rng = new Mt19937(2);
        for (int i = 0; i < 6; i++) {
            rng.nextDouble();
        }
        DoubleStream.Builder accepted = DoubleStream.builder();
        for (int pair = 0; pair < 1000; pair++) {
            double r2;
            do {
                double x1 = 2.0 * rng.nextDouble() - 1.0;
                double x2 = 2.0 * rng.nextDouble() - 1.0;
                r2 = x1 * x1 + x2 * x2;
            } while (r2 >= 1.0 || r2 == 0.0);
            accepted.add(r2);
        }
        if (rng.draws() != 5108) {
            throw new IllegalStateException("replay ended at draw " + rng.draws() + ", expected 5108");
        }
        return accepted.build().toArray();
    }
}
