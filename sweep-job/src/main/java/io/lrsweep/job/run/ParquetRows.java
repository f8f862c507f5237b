package io.lrsweep.job.run;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of {@code curves/} and {@code trials/} to and from Parquet files with parquet-hadoop
 * directly, without a Spark job: the executors write a task's curves, the driver a wave's trials,
 * and {@code --resume} and {@code report} read footers and trials back. The files are what Spark
 * itself writes for these schemas (plain types: UTF-8 strings, int32, int64, double; a non-nullable
 * column required, the others optional; snappy), plus Spark's schema in the footer, so Spark SQL,
 * DuckDB and pandas read them as before.
 */
public final class ParquetRows {

    /** The footer key under which Spark keeps its own schema of a file. */
    private static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";
    /** A row group holds a task's curves (a few MB at most), so memory per open writer stays small. */
    private static final long ROW_GROUP_BYTES = 16L << 20;

    private ParquetRows() {}

    /** Writes {@code rows} (laid out as {@code schema}) to a new file {@code file}, replacing one that exists. */
    public static long write(Configuration conf, Path file, StructType schema, Iterable<Row> rows) throws IOException {
        long n = 0;
        try (ParquetWriter<Row> writer = writer(conf, file, schema)) {
            for (Row r : rows) {
                writer.write(r);
                n++;
            }
        }
        return n;
    }

    /** A writer of rows laid out as {@code schema} to {@code file} (replaced if it exists); close it to finish the file. */
    public static ParquetWriter<Row> writer(Configuration conf, Path file, StructType schema) throws IOException {
        return new Builder(HadoopOutputFile.fromPath(file, conf), schema)
                .withConf(conf)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .build();
    }

    /** The number of rows the file's footer records; throws when the file is not a readable Parquet file. */
    public static long rowCount(Configuration conf, Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
            return reader.getRecordCount();
        }
    }

    /** Every row of the file, by column name ({@code r.getAs("trial_id")}); columns absent from the file are null. */
    public static List<Row> read(Configuration conf, Path file, StructType schema) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                rows.add(toRow(g, schema));
            }
        }
        return rows;
    }

    private static Row toRow(Group g, StructType schema) {
        Object[] v = new Object[schema.size()];
        org.apache.parquet.schema.GroupType fileType = g.getType();
        for (int i = 0; i < v.length; i++) {
            StructField f = schema.fields()[i];
            if (!fileType.containsField(f.name())) {
                continue;
            }
            int at = fileType.getFieldIndex(f.name());
            if (g.getFieldRepetitionCount(at) == 0) {
                continue;
            }
            DataType t = f.dataType();
            if (t.equals(DataTypes.StringType)) {
                v[i] = g.getString(at, 0);
            } else if (t.equals(DataTypes.DoubleType)) {
                v[i] = g.getDouble(at, 0);
            } else if (t.equals(DataTypes.IntegerType)) {
                v[i] = g.getInteger(at, 0);
            } else if (t.equals(DataTypes.LongType)) {
                v[i] = g.getLong(at, 0);
            } else if (t.equals(DataTypes.BooleanType)) {
                v[i] = g.getBoolean(at, 0);
            } else {
                throw new IllegalArgumentException("column " + f.name() + ": type " + t + " is not one lrsweep writes");
            }
        }
        return new GenericRowWithSchema(v, schema);
    }

    /** The Parquet schema Spark writes for {@code schema} (plain types only). */
    static MessageType messageType(StructType schema) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (StructField f : schema.fields()) {
            Type.Repetition rep = f.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
            DataType t = f.dataType();
            if (t.equals(DataTypes.StringType)) {
                b.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(f.name());
            } else if (t.equals(DataTypes.DoubleType)) {
                b.primitive(PrimitiveTypeName.DOUBLE, rep).named(f.name());
            } else if (t.equals(DataTypes.IntegerType)) {
                b.primitive(PrimitiveTypeName.INT32, rep).named(f.name());
            } else if (t.equals(DataTypes.LongType)) {
                b.primitive(PrimitiveTypeName.INT64, rep).named(f.name());
            } else if (t.equals(DataTypes.BooleanType)) {
                b.primitive(PrimitiveTypeName.BOOLEAN, rep).named(f.name());
            } else {
                throw new IllegalArgumentException("column " + f.name() + ": type " + t + " is not one lrsweep writes");
            }
        }
        return b.named("spark_schema");
    }

    private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
        private final StructType schema;

        Builder(org.apache.parquet.io.OutputFile file, StructType schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema);
        }
    }

    /** Writes a Spark row field by field, by position in {@code schema}; a null is an absent value. */
    private static final class RowWriteSupport extends WriteSupport<Row> {
        private final StructType schema;
        private final DataType[] types;
        private RecordConsumer out;

        RowWriteSupport(StructType schema) {
            this.schema = schema;
            this.types = new DataType[schema.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = schema.fields()[i].dataType();
            }
        }

        @Override
        public WriteContext init(Configuration configuration) {
            Map<String, String> meta = new HashMap<>();
            meta.put(SPARK_SCHEMA_KEY, schema.json());
            return new WriteContext(messageType(schema), meta);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Row r) {
            out.startMessage();
            for (int i = 0; i < types.length; i++) {
                if (r.isNullAt(i)) {
                    if (!schema.fields()[i].nullable()) {
                        throw new IllegalArgumentException("column " + schema.fields()[i].name() + " is null but not nullable");
                    }
                    continue;
                }
                String name = schema.fields()[i].name();
                out.startField(name, i);
                DataType t = types[i];
                if (t.equals(DataTypes.StringType)) {
                    out.addBinary(Binary.fromString(r.getString(i)));
                } else if (t.equals(DataTypes.DoubleType)) {
                    out.addDouble(r.getDouble(i));
                } else if (t.equals(DataTypes.IntegerType)) {
                    out.addInteger(r.getInt(i));
                } else if (t.equals(DataTypes.BooleanType)) {
                    out.addBoolean(r.getBoolean(i));
                } else {
                    out.addLong(r.getLong(i));
                }
                out.endField(name, i);
            }
            out.endMessage();
        }
    }
}
