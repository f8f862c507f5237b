package io.lrsweep.job.table;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a small table (the analysis's {@code sensitivity/} and {@code ucurve/}: one row per
 * setting or setup) as one Parquet file in memory, with parquet-mr's writer; the caller puts the
 * bytes in place in one go ({@link SweepDirectory#replaceTable}).
 */
public final class ParquetTableWriter {
    private ParquetTableWriter() {}

    public static byte[] write(TableSchema schema, List<TableSchema.Row> rows) {
        Memory file = new Memory();
        MessageType type = schema.parquet();
        // A plain configuration: parquet-mr's default is a Hadoop one, whose set-up costs more than the write.
        try (ParquetWriter<Object[]> writer = new Builder(file, type).withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).build()) {
            for (TableSchema.Row r : rows) {
                writer.write(r.values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the " + type.getName() + " table in memory failed", e);
        }
        return file.bytes.toByteArray();
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final MessageType type;

        Builder(OutputFile file, MessageType type) {
            super(file);
            this.type = type;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return new Values(type);
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
            return new Values(type);
        }
    }

    /** Each row's non-null values, field by field. */
    private static final class Values extends WriteSupport<Object[]> {
        private final MessageType type;
        private RecordConsumer out;

        Values(MessageType type) {
            this.type = type;
        }

        @Override
        public WriteContext init(Configuration conf) {
            return new WriteContext(type, Map.of("writer", "lrsweep"));
        }

        @Override
        public WriteContext init(ParquetConfiguration conf) {
            return new WriteContext(type, Map.of("writer", "lrsweep"));
        }

        @Override
        public void prepareForWrite(RecordConsumer consumer) {
            out = consumer;
        }

        @Override
        public void write(Object[] row) {
            out.startMessage();
            for (int i = 0; i < row.length; i++) {
                Object v = row[i];
                if (v == null) {
                    continue;
                }
                String name = type.getFieldName(i);
                out.startField(name, i);
                if (v instanceof String s) {
                    out.addBinary(Binary.fromString(s));
                } else if (v instanceof Double d) {
                    out.addDouble(d);
                } else if (v instanceof Integer n) {
                    out.addInteger(n);
                } else if (v instanceof Long n) {
                    out.addLong(n);
                } else if (v instanceof Boolean b) {
                    out.addBoolean(b);
                } else {
                    throw new IllegalArgumentException(name + ": no Parquet type for " + v.getClass());
                }
                out.endField(name, i);
            }
            out.endMessage();
        }
    }

    /** An output file in memory. */
    private static final class Memory implements OutputFile {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return bytes.size();
                }

                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return "memory";
        }
    }
}
