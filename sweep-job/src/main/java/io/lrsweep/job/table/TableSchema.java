package io.lrsweep.job.table;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a small table the analysis writes, each a plain nullable type that Spark, DuckDB and
 * pandas read as it is; rows are built by column name ({@link #row()}), never by position.
 */
public final class TableSchema {

    /** The plain types, with the Java type each takes. */
    public enum Kind {
        STRING(String.class), DOUBLE(Double.class), INT(Integer.class), LONG(Long.class), BOOLEAN(Boolean.class);

        final Class<?> javaType;

        Kind(Class<?> javaType) {
            this.javaType = javaType;
        }
    }

    /** A column: its name and type. */
    public record Column(String name, Kind kind) {}

    private final String name;
    private final List<Column> columns;
    private final Map<String, Integer> index = new HashMap<>();

    public TableSchema(String name, List<Column> columns) {
        this.name = name;
        this.columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            if (index.put(columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException("column " + columns.get(i).name() + " appears twice in " + name);
            }
        }
    }

    /** A schema built column by column: {@code builder("ucurve").string("optimizer").number("best_lr")...}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /** A new row, every value null until set. */
    public Row row() {
        return new Row();
    }

    MessageType parquet() {
        List<Type> fields = new ArrayList<>();
        for (Column c : columns) {
            fields.add(switch (c.kind()) {
                case STRING -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
                case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(c.name());
                case INT -> Types.optional(PrimitiveTypeName.INT32).named(c.name());
                case LONG -> Types.optional(PrimitiveTypeName.INT64).named(c.name());
                case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(c.name());
            });
        }
        return new MessageType(name, fields);
    }

    /** One row's values, set by column name and checked against the column's type. */
    public final class Row {
        final Object[] values = new Object[columns.size()];

        public Row set(String column, Object value) {
            Integer i = index.get(column);
            if (i == null) {
                throw new IllegalArgumentException(name + " has no column " + column);
            }
            Column c = columns.get(i);
            if (value != null && !c.kind().javaType.isInstance(value)) {
                throw new IllegalArgumentException(name + "." + column + " holds " + c.kind() + ", not "
                        + value.getClass().getSimpleName() + " " + value);
            }
            values[i] = value;
            return this;
        }

        public Object get(String column) {
            return values[index.get(column)];
        }
    }

    /** Collects columns in order. */
    public static final class Builder {
        private final String name;
        private final List<Column> columns = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        public Builder string(String... names) {
            return add(Kind.STRING, names);
        }

        public Builder number(String... names) {
            return add(Kind.DOUBLE, names);
        }

        public Builder integer(String... names) {
            return add(Kind.INT, names);
        }

        public Builder longInteger(String... names) {
            return add(Kind.LONG, names);
        }

        public Builder bool(String... names) {
            return add(Kind.BOOLEAN, names);
        }

        public Builder add(Kind kind, String... names) {
            for (String n : names) {
                columns.add(new Column(n, kind));
            }
            return this;
        }

        public TableSchema build() {
            return new TableSchema(name, columns);
        }
    }
}
