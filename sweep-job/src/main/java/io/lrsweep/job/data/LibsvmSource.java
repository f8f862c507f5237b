package io.lrsweep.job.data;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.data.FileDatasetSpec;
import io.lrsweep.job.data.SourcedRows.SourcedRow;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;

/**
 * LIBSVM through Spark MLlib's {@code libsvm} source: {@code label index:value ...} with 1-based
 * ascending indices, the feature count being the largest index in the file. The lines are checked
 * first ({@link LibsvmLines}) so that a bad one is reported by its line number.
 */
final class LibsvmSource {

    private static final String LABEL = "label";

    private LibsvmSource() {}

    static LoadedData read(SparkSession spark, FileDatasetSpec spec) {
        String path = spec.path();
        int featureCount = LibsvmLines.featureCount(
                SparkReads.attempt(() -> SourcedRows.collect(spark.read().text(path), path), path, "text"));
        if (featureCount < 1) {
            throw new DataException("dataset file " + path + " has no features (no index:value item on any line)");
        }
        // The lines are checked, so Spark's parse cannot fail on them; numFeatures saves its own scan.
        List<SourcedRow> rows = SparkReads.attempt(() -> SourcedRows.collect(
                spark.read().format("libsvm").option("numFeatures", featureCount).load(path), path), path, "LIBSVM");
        if (rows.isEmpty()) {
            throw new DataException("dataset file " + path + " has no data rows");
        }
        if ((long) rows.size() * featureCount > Integer.MAX_VALUE - 8) {
            throw new DataException("dataset file " + path + " has " + rows.size() + " rows x " + featureCount
                    + " features, more than the " + (Integer.MAX_VALUE - 8) + " values one dataset can hold");
        }
        double[] features = new double[rows.size() * featureCount];
        List<LabelEncoder.Cell> labels = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            SourcedRow r = rows.get(i);
            Row values = r.values();
            double[] x = ((Vector) values.get(1)).toArray();
            for (int j = 0; j < featureCount; j++) {
                // Index j + 1 is the feature as the file numbers it.
                features[i * featureCount + j] = NumericCells.finite(x[j], r.file(), r.row(), "feature " + (j + 1));
            }
            labels.add(new LabelEncoder.Cell(values.get(0), r.file(), r.row()));
        }
        LabelEncoder.Encoded encoded = LabelEncoder.encode(labels, LABEL, path);
        List<String> names = new ArrayList<>(featureCount);
        for (int j = 1; j <= featureCount; j++) {
            names.add("feature " + j);
        }
        return new LoadedData(new Dataset(features, encoded.labels(), rows.size(), featureCount, encoded.classes().size()),
                names);
    }
}
