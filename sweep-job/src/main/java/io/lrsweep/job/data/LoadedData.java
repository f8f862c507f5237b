package io.lrsweep.job.data;

import io.lrsweep.core.data.Dataset;

import java.util.List;

/**
 * A dataset as read, with its feature columns named as messages name them ({@code 'x1' (#1)} for a
 * table's column, {@code feature 3} for a LIBSVM index, {@code x0} for generated data).
 */
public record LoadedData(Dataset dataset, List<String> featureNames) {

    public LoadedData {
        featureNames = List.copyOf(featureNames);
        if (featureNames.size() != dataset.featureCount()) {
            throw new IllegalArgumentException(featureNames.size() + " names for " + dataset.featureCount() + " features");
        }
    }
}
