package io.lrsweep.job.analysis;

import java.util.Locale;

/** The grid axes a sweep can vary, with their column in {@code trials/} and {@code curves/}. */
public enum Axis {
    OPTIMIZER("optimizer", "optimizer"),
    LEARNING_RATE("learning_rate", "learning rate"),
    MOMENTUM("momentum", "momentum"),
    DECAY("decay", "decay"),
    PATIENCE("patience", "plateau patience");

    /** The column name, also the value of {@code sensitivity.axis}. */
    public final String column;
    /** For figure titles and the report. */
    public final String label;

    Axis(String column, String label) {
        this.column = column;
        this.label = label;
    }

    public static Axis ofColumn(String column) {
        for (Axis a : values()) {
            if (a.column.equals(column)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no axis is called '" + column + "'");
    }

    /** Whether the axis's values span decades and belong on a log scale. */
    public boolean logScale() {
        return this == LEARNING_RATE || this == DECAY;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
