package io.lrsweep.bench.shapes;

import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.data.SplitData;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A shape's rows as the engine trains on them: make_blobs, split in row order (first half train,
 * second half validation) and, where the shape says so, standardised with the training half's
 * statistics, exactly as the sweep job prepares a data set ({@link SplitData}).
 */
public record ShapeProblem(Shape shape, Dataset train, Dataset validation) {

    public static ShapeProblem of(Shape shape) {
        BlobsSpec spec = shape.blobs();
        SplitData split = SplitData.of(Blobs.generate(spec), spec);
        return new ShapeProblem(shape, dataset(split.train(), split), dataset(split.validation(), split));
    }

    private static Dataset dataset(SplitData.Subset subset, SplitData split) {
        return new Dataset(subset.features(), subset.labels(), subset.rows(), split.featureCount(), split.classCount());
    }

    /**
     * Every row the engine sees, training rows first, as CSV ({@code x0,...,label}; shortest
     * decimals that parse back to the same doubles), so that the peers train on the very same
     * numbers: they take the first {@link Shape#trainRows()} rows for training.
     */
    public void writeCsv(Path file) throws IOException {
        int f = train.featureCount();
        double[] x = new double[(train.rows() + validation.rows()) * f];
        int[] y = new int[train.rows() + validation.rows()];
        System.arraycopy(train.features(), 0, x, 0, train.rows() * f);
        System.arraycopy(validation.features(), 0, x, train.rows() * f, validation.rows() * f);
        System.arraycopy(train.labels(), 0, y, 0, train.rows());
        System.arraycopy(validation.labels(), 0, y, train.rows(), validation.rows());
        Blobs.toCsv(new Dataset(x, y, y.length, f, train.classCount()), file);
    }
}
