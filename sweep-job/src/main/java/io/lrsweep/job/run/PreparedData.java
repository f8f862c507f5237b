package io.lrsweep.job.run;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.data.DatasetSpec;
import io.lrsweep.core.data.SplitData;
import io.lrsweep.job.data.DataException;

import java.io.Serializable;

/** The split (and, if asked, standardised) data, made once on the driver and broadcast. */
public record PreparedData(Dataset train, Dataset validation) implements Serializable {

    /** Splits on the driver; a data set too small for the split is bad input ({@link DataException}, exit 2). */
    public static PreparedData of(Dataset data, DatasetSpec spec) {
        SplitData split;
        try {
            split = SplitData.of(data, spec);
        } catch (IllegalArgumentException e) {
            throw new DataException(e.getMessage(), e);
        }
        return new PreparedData(asDataset(split.train(), split), asDataset(split.validation(), split));
    }

    private static Dataset asDataset(SplitData.Subset s, SplitData split) {
        return new Dataset(s.features(), s.labels(), s.rows(), split.featureCount(), split.classCount());
    }
}
