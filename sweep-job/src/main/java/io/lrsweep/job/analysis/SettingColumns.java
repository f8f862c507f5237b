package io.lrsweep.job.analysis;

import io.lrsweep.job.table.TableSchema;

/** A setting's values as columns of an analysis table, one per declared axis, typed as the axis is. */
final class SettingColumns {
    private SettingColumns() {}

    /** Adds a column per axis of {@link SettingAxes#ALL} but {@code except}. */
    static TableSchema.Builder add(TableSchema.Builder b, SettingAxis except) {
        for (SettingAxis a : SettingAxes.ALL) {
            if (a != except) {
                b.add(switch (a.kind()) {
                    case TEXT -> TableSchema.Kind.STRING;
                    case NUMBER -> TableSchema.Kind.DOUBLE;
                    case INTEGER -> TableSchema.Kind.INT;
                    case BOOLEAN -> TableSchema.Kind.BOOLEAN;
                }, a.column());
            }
        }
        return b;
    }

    static void put(TableSchema.Row row, Setting s, SettingAxis except) {
        for (SettingAxis a : SettingAxes.ALL) {
            if (a != except) {
                row.set(a.column(), s.get(a));
            }
        }
    }
}
