package io.lrsweep.job.data;

import io.lrsweep.core.data.FileDatasetSpec;
import io.lrsweep.job.data.SourcedRows.SourcedRow;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CSV with a header row, through Spark's CSV reader. Every column is read as text and parsed here,
 * so that a bad cell is reported with its row and column instead of silently becoming null, and a
 * row with more or fewer values than the header is caught through Spark's corrupt-record column
 * (PERMISSIVE mode) and reported with its row. Blank lines are skipped and not counted as rows.
 */
final class CsvSource {

    private CsvSource() {}

    static LoadedData read(SparkSession spark, FileDatasetSpec spec) {
        String path = spec.path();
        CsvHeader.checkColumnCount(spark, path);
        StructType header = SparkReads.attempt(
                () -> spark.read().option("header", "true").option("inferSchema", "false")
                        .option("maxColumns", DataLimits.MAX_COLUMNS + 1).csv(path).schema(), path, "CSV");
        List<String> names = new ArrayList<>(Arrays.asList(header.fieldNames()));
        if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
            // A byte-order mark (spreadsheet exports) is not part of the first column's name.
            names.set(0, names.get(0).substring(1));
        }
        if (names.isEmpty()) {
            throw new DataException("dataset file " + path + " has no header row (the first line names the columns)");
        }
        ColumnSelection columns = ColumnSelection.resolve(spec, names);
        String corrupt = unusedName(names);
        List<StructField> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(DataTypes.createStructField(name, DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField(corrupt, DataTypes.StringType, true));
        List<SourcedRow> rows = SparkReads.attempt(() -> SourcedRows.collect(spark.read()
                .schema(DataTypes.createStructType(fields))
                .option("header", "true")
                .option("mode", "PERMISSIVE")
                .option("maxColumns", DataLimits.MAX_COLUMNS + 2)
                .option("columnNameOfCorruptRecord", corrupt)
                .csv(path), path), path, "CSV");
        for (SourcedRow r : rows) {
            String raw = r.values().getString(names.size());
            if (raw != null) {
                throw new DataException(r.file() + ", row " + r.row() + ": " + valueCount(raw) + " where the header has "
                        + names.size() + " columns (" + String.join(", ", names) + "): '" + raw + "'");
            }
        }
        return TableAssembler.assemble(rows, columns, path);
    }

    /** The corrupt-record column needs a name that no data column has. */
    private static String unusedName(List<String> names) {
        String name = "_corrupt_record";
        while (names.contains(name)) {
            name = "_" + name;
        }
        return name;
    }

    /** "N values" for a plain line; a quoted line is not split by hand, so it only says the count differs. */
    private static String valueCount(String raw) {
        if (raw.indexOf('"') >= 0) {
            return "a different number of values";
        }
        return raw.split(",", -1).length + " values";
    }
}
