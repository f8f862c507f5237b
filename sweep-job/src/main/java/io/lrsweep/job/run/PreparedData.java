package io.lrsweep.job.run;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.data.DatasetSpec;
import io.lrsweep.core.data.SplitData;
import io.lrsweep.job.data.DataException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The split (and, if asked, standardised) data, made once on the driver and broadcast, with the
 * SHA-256 of its content ({@link DataContent}), which every trial id includes.
 */
public record PreparedData(Dataset train, Dataset validation, String contentSha256) implements Serializable {

    /** {@link #of(Dataset, List, DatasetSpec)} with the columns named x0, x1, ... (generated data). */
    public static PreparedData of(Dataset data, DatasetSpec spec) {
        List<String> names = new ArrayList<>(data.featureCount());
        for (int j = 0; j < data.featureCount(); j++) {
            names.add("x" + j);
        }
        return of(data, names, spec);
    }

    /**
     * Splits on the driver. A data set too small for the split, or one whose standardisation
     * overflows, is bad input ({@link DataException}, exit 2), the latter naming the column.
     *
     * @param featureNames the feature columns as messages name them, one per feature
     */
    public static PreparedData of(Dataset data, List<String> featureNames, DatasetSpec spec) {
        SplitData split;
        try {
            split = SplitData.of(data, spec);
        } catch (IllegalArgumentException e) {
            if (spec.standardize()) {
                Standardisation.checkFinite(data, featureNames, spec);
            }
            throw new DataException(e.getMessage(), e);
        }
        Dataset train = asDataset(split.train(), split);
        Dataset validation = asDataset(split.validation(), split);
        if (spec.standardize()) {
            Standardisation.checkResult(train, validation, featureNames);
        }
        return new PreparedData(train, validation, DataContent.sha256(train, validation));
    }

    private static Dataset asDataset(SplitData.Subset s, SplitData split) {
        return new Dataset(s.features(), s.labels(), s.rows(), split.featureCount(), split.classCount());
    }
}
