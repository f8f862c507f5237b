package io.lrsweep.job.data;

import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * Collects a DataFrame read from files to the driver in file order, each row with its file and its
 * 1-based data row number. Spark reads a file in splits and may order the splits of several files
 * by size, so the rows are sorted by (file, split start) with a stable sort, which keeps each
 * split's rows in file order; the row numbers then count the data rows of each file.
 */
final class SourcedRows {

    /**
     * One data row: where it came from, and its values; the first values are the DataFrame's
     * columns in order (any after them are bookkeeping and not read).
     */
    record SourcedRow(String file, long row, Row values) {}

    private static final String FILE = "__lrsweep_file";
    private static final String SPLIT_START = "__lrsweep_split_start";

    private SourcedRows() {}

    /** Every row of {@code frame}, in file order; {@code specPath} names the file in messages when it is one file. */
    static List<SourcedRow> collect(org.apache.spark.sql.Dataset<Row> frame, String specPath) {
        Column[] columns = new Column[frame.columns().length + 2];
        for (int i = 0; i < frame.columns().length; i++) {
            columns[i] = frame.col("`" + frame.columns()[i].replace("`", "``") + "`");
        }
        columns[columns.length - 2] = col("_metadata.file_path").as(FILE);
        columns[columns.length - 1] = col("_metadata.file_block_start").as(SPLIT_START);
        org.apache.spark.sql.Dataset<Row> located;
        try {
            located = frame.select(columns);
        } catch (Exception e) {
            if (!(e instanceof AnalysisException)) {
                throw e;
            }
            // A source without file metadata (or a data column named _metadata, which hides it):
            // Spark then reads one file's splits in order, which is all a single file needs.
            return unsorted(frame.collectAsList(), specPath);
        }
        List<Row> sorted = new ArrayList<>(located.collectAsList());
        int fileAt = columns.length - 2;
        sorted.sort(Comparator.comparing((Row r) -> r.getString(fileAt)).thenComparingLong(r -> r.getLong(fileAt + 1)));
        List<SourcedRow> out = new ArrayList<>(sorted.size());
        String file = null;
        String shown = specPath;
        long row = 0;
        for (Row r : sorted) {
            String f = r.getString(fileAt);
            if (f.equals(file)) {
                row++;
            } else {
                file = f;
                shown = DataFiles.display(specPath, f);
                row = 1;
            }
            out.add(new SourcedRow(shown, row, r));
        }
        return out;
    }

    private static List<SourcedRow> unsorted(List<Row> rows, String specPath) {
        List<SourcedRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(new SourcedRow(specPath, i + 1, rows.get(i)));
        }
        return out;
    }
}
