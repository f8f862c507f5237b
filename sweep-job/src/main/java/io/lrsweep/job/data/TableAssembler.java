package io.lrsweep.job.data;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.job.data.SourcedRows.SourcedRow;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Dataset} from a table's collected rows: the selected feature columns as finite
 * doubles, the label column encoded as classes. Shared by the CSV and Parquet sources, whose cells
 * differ only in being text or typed values.
 */
final class TableAssembler {

    private TableAssembler() {}

    static LoadedData assemble(List<SourcedRow> rows, ColumnSelection columns, String source) {
        if (rows.isEmpty()) {
            throw new DataException("dataset file " + source + " has no data rows");
        }
        int featureCount = columns.features().length;
        if ((long) rows.size() * featureCount > Integer.MAX_VALUE - 8) {
            throw new DataException("dataset file " + source + " has " + rows.size() + " rows x " + featureCount
                    + " features, more than the " + (Integer.MAX_VALUE - 8) + " values one dataset can hold");
        }
        double[] features = new double[rows.size() * featureCount];
        String[] featureNames = new String[featureCount];
        for (int j = 0; j < featureCount; j++) {
            featureNames[j] = columns.describe(columns.features()[j]);
        }
        List<LabelEncoder.Cell> labels = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            SourcedRow r = rows.get(i);
            for (int j = 0; j < featureCount; j++) {
                int at = columns.features()[j];
                features[i * featureCount + j] = NumericCells.finite(r.values().get(at), r.file(), r.row(), featureNames[j]);
            }
            labels.add(new LabelEncoder.Cell(r.values().get(columns.label()), r.file(), r.row()));
        }
        LabelEncoder.Encoded encoded = LabelEncoder.encode(labels, columns.describe(columns.label()), source);
        return new LoadedData(new Dataset(features, encoded.labels(), rows.size(), featureCount, encoded.classes().size()),
                java.util.Arrays.asList(featureNames));
    }
}
