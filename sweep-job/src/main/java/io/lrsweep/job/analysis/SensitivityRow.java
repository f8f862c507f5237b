package io.lrsweep.job.analysis;

import org.apache.spark.sql.Row;

/** A row of {@code sensitivity/} as the driver sees it. */
public record SensitivityRow(Axis axis, String axisValue, Double axisNumber, String setup, SettingSummary stats,
                             int rank, int setupSize) {

    public static SensitivityRow of(Row r) {
        int n = r.fieldIndex("axis_number");
        return new SensitivityRow(Axis.ofColumn(r.getAs("axis")), r.getAs("axis_value"),
                r.isNullAt(n) ? null : r.getDouble(n), r.getAs("setup"), SettingSummary.of(r),
                r.<Integer>getAs("rank"), r.<Integer>getAs("setup_size"));
    }

    public Setting setting() {
        return stats.setting();
    }
}
