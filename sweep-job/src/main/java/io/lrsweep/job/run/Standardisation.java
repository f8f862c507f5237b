package io.lrsweep.job.run;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.data.DatasetSpec;
import io.lrsweep.job.data.DataException;

import java.util.List;

/**
 * Names the column when standardisation ({@code dataset.standardize}) cannot be computed in
 * doubles: values so large that their sum or squares overflow (beyond about 1e154 for squares),
 * which core reports only as a non-finite scale.
 */
final class Standardisation {

    private Standardisation() {}

    /** Throws a DataException naming the first training column whose mean or spread is not finite. */
    static void checkFinite(Dataset data, List<String> names, DatasetSpec spec) {
        int rows = (int) Math.floor(data.rows() * spec.trainFraction());
        int f = data.featureCount();
        for (int j = 0; j < f; j++) {
            double sum = 0.0;
            double largest = 0.0;
            for (int r = 0; r < rows; r++) {
                double v = data.features()[r * f + j];
                sum += v;
                largest = Math.max(largest, Math.abs(v));
            }
            double mean = sum / rows;
            double squares = 0.0;
            for (int r = 0; r < rows; r++) {
                double d = data.features()[r * f + j] - mean;
                squares += d * d;
            }
            if (!Double.isFinite(mean) || !Double.isFinite(squares)) {
                throw overflow(names.get(j), largest);
            }
        }
    }

    /** Throws a DataException naming the first column with a non-finite standardised value. */
    static void checkResult(Dataset train, Dataset validation, List<String> names) {
        for (Dataset d : List.of(train, validation)) {
            double[] x = d.features();
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i])) {
                    throw overflow(names.get(i % d.featureCount()), Double.NaN);
                }
            }
        }
    }

    private static DataException overflow(String column, double largest) {
        return new DataException("dataset column " + column + ": standardising it overflows"
                + (Double.isNaN(largest) ? "" : " (values up to " + largest + " in magnitude)")
                + ": its mean or standard deviation is beyond what a double holds; rescale the column in the file, "
                + "or set dataset.standardize to false");
    }
}
