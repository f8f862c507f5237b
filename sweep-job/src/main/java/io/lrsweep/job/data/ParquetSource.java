package io.lrsweep.job.data;

import io.lrsweep.core.data.FileDatasetSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;
import java.util.List;

/**
 * Parquet (a file or a directory of part files) through Spark's reader. The column types are
 * checked before any row is read: features must be numeric, the label numeric, text or boolean.
 * Null and NaN cells are reported with their row and column.
 */
final class ParquetSource {

    private ParquetSource() {}

    static LoadedData read(SparkSession spark, FileDatasetSpec spec) {
        String path = spec.path();
        DataFiles.checkParquet(spark, path);
        org.apache.spark.sql.Dataset<Row> frame = SparkReads.attempt(() -> spark.read().parquet(path), path, "Parquet");
        StructType schema = frame.schema();
        List<String> names = Arrays.asList(schema.fieldNames());
        if (names.size() > DataLimits.MAX_COLUMNS) {
            throw new DataException("dataset file " + path + " has " + names.size() + " columns, more than the limit of "
                    + DataLimits.MAX_COLUMNS + " (lrsweep reads at most " + DataLimits.MAX_FEATURES + " feature columns)");
        }
        ColumnSelection columns = ColumnSelection.resolve(spec, names);
        for (int at : columns.features()) {
            DataType type = schema.fields()[at].dataType();
            if (!(type instanceof NumericType)) {
                throw new DataException("dataset file " + path + ", column " + columns.describe(at) + ": type "
                        + type.simpleString() + " cannot be a feature; feature columns must be numeric"
                        + " (tinyint, smallint, int, bigint, float, double, decimal)");
            }
        }
        DataType labelType = schema.fields()[columns.label()].dataType();
        if (!(labelType instanceof NumericType || labelType instanceof StringType || labelType instanceof BooleanType)) {
            throw new DataException("dataset file " + path + ", column " + columns.describe(columns.label()) + ": type "
                    + labelType.simpleString() + " cannot be a label; the label column must be numeric, string or boolean");
        }
        return TableAssembler.assemble(SparkReads.attempt(() -> SourcedRows.collect(frame, path), path, "Parquet"),
                columns, path);
    }
}
