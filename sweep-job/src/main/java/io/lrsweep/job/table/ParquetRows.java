package io.lrsweep.job.table;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the named columns of a Parquet table, row after row, with parquet-mr's record API and
 * converters that drop each value into its slot (no object per row beyond the boxed values).
 * Only flat tables of plain types are read (strings, doubles, floats, ints, longs, booleans): what
 * lrsweep and Spark write for it. A missing column is an error unless it is optional (a column a
 * newer lrsweep added), and then reads as null.
 */
public final class ParquetRows {

    /** One row of the requested columns, valid until the next row is read; values by column. */
    public static final class Row {
        private final Map<String, Integer> index;
        private Object[] values;

        private Row(Map<String, Integer> index) {
            this.index = index;
        }

        /** The slot of a requested column, for reading many rows without a lookup each. */
        public int column(String name) {
            Integer i = index.get(name);
            if (i == null) {
                throw new IllegalArgumentException("column " + name + " was not requested");
            }
            return i;
        }

        public Object get(int column) {
            return values[column];
        }

        public boolean isNull(int column) {
            return values[column] == null;
        }

        public String string(int column) {
            return (String) values[column];
        }

        public String string(String name) {
            return string(column(name));
        }

        /** A number column as a Double, or null. */
        public Double nullableDouble(int column) {
            Object v = values[column];
            return v == null ? null : ((Number) v).doubleValue();
        }

        public Double nullableDouble(String name) {
            return nullableDouble(column(name));
        }

        /** A number column, NaN when null (for values where the tables use null and NaN alike: "no number"). */
        public double number(int column) {
            Object v = values[column];
            return v == null ? Double.NaN : ((Number) v).doubleValue();
        }

        public Integer nullableInt(String name) {
            Object v = values[column(name)];
            return v == null ? null : ((Number) v).intValue();
        }

        public Long nullableLong(String name) {
            Object v = values[column(name)];
            return v == null ? null : ((Number) v).longValue();
        }

        public Boolean nullableBoolean(String name) {
            return (Boolean) values[column(name)];
        }
    }

    private ParquetRows() {}

    /**
     * Calls {@code each} with every row of table {@code table} of {@code dir} (its part files in name
     * order); nothing when there is no such table.
     *
     * @param optional columns that may be absent from a file (read as null there)
     */
    public static void read(SweepDirectory dir, String table, List<String> columns, Set<String> optional,
                            Consumer<Row> each) {
        ParquetConfiguration conf = dir.parquet();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        Row row = new Row(index);
        for (Storage.Part part : dir.parts(table)) {
            Slots support = new Slots(columns, optional, part.name());
            try (ParquetReader<Object[]> reader = new ParquetReader.Builder<Object[]>(part.file(), conf) {
                @Override
                protected ReadSupport<Object[]> getReadSupport() {
                    return support;
                }
            }.withCodecFactory(new Decompressors(conf)).build()) {
                for (Object[] values = reader.read(); values != null; values = reader.read()) {
                    row.values = values;
                    each.accept(row);
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof TableException t) {
                    throw t;
                }
                throw new TableException("cannot read " + part.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Asks for the requested columns present in the file and materialises each row into one array. */
    private static final class Slots extends ReadSupport<Object[]> {
        private final List<String> columns;
        private final Set<String> optional;
        private final String file;

        Slots(List<String> columns, Set<String> optional, String file) {
            this.columns = columns;
            this.optional = optional;
            this.file = file;
        }

        @Override
        public ReadContext init(InitContext context) {
            MessageType schema = context.getFileSchema();
            List<Type> fields = new ArrayList<>();
            for (String c : columns) {
                if (schema.containsField(c)) {
                    Type t = schema.getType(c);
                    if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
                        throw new TableException(file + ": column " + c + " is not a plain value (" + t + ")");
                    }
                    fields.add(t);
                } else if (!optional.contains(c)) {
                    throw new TableException(file + " has no column " + c + " (columns: "
                            + String.join(", ", schema.getFields().stream().map(Type::getName).toList()) + ")");
                }
            }
            return new ReadContext(new MessageType(schema.getName(), fields));
        }

        @Override
        public RecordMaterializer<Object[]> prepareForRead(Configuration conf, Map<String, String> meta, MessageType fileSchema,
                                                          ReadContext context) {
            return materializer(context);
        }

        // This variant too: parquet-mr's default turns a plain configuration into a Hadoop one, the
        // very set-up a local read leaves out.
        @Override
        public RecordMaterializer<Object[]> prepareForRead(ParquetConfiguration conf, Map<String, String> meta,
                                                          MessageType fileSchema, ReadContext context) {
            return materializer(context);
        }

        private RecordMaterializer<Object[]> materializer(ReadContext context) {
            MessageType requested = context.getRequestedSchema();
            int[] slot = new int[requested.getFieldCount()];
            for (int i = 0; i < slot.length; i++) {
                slot[i] = columns.indexOf(requested.getFieldName(i));
            }
            return new Materializer(columns.size(), slot);
        }
    }

    private static final class Materializer extends RecordMaterializer<Object[]> {
        private Object[] current;
        private final GroupConverter root;

        Materializer(int width, int[] slot) {
            PrimitiveConverter[] converters = new PrimitiveConverter[slot.length];
            for (int i = 0; i < slot.length; i++) {
                int s = slot[i];
                converters[i] = new PrimitiveConverter() {
                    @Override
                    public void addBinary(Binary value) {
                        current[s] = value.toStringUsingUTF8();
                    }

                    @Override
                    public void addBoolean(boolean value) {
                        current[s] = value;
                    }

                    @Override
                    public void addDouble(double value) {
                        current[s] = value;
                    }

                    @Override
                    public void addFloat(float value) {
                        current[s] = (double) value;
                    }

                    @Override
                    public void addInt(int value) {
                        current[s] = value;
                    }

                    @Override
                    public void addLong(long value) {
                        current[s] = value;
                    }
                };
            }
            root = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return converters[fieldIndex];
                }

                @Override
                public void start() {
                    // A fresh array per row: a caller may keep the previous one.
                    current = new Object[width];
                }

                @Override
                public void end() {
                }
            };
        }

        @Override
        public Object[] getCurrentRecord() {
            return current;
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }
    }
}
