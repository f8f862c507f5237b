package io.lrsweep.job.table;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code curves/} streamed straight from its Parquet files: one {@link CurvePoint} per trial and
 * epoch, never all of them held at once (a big sweep has millions). Settings columns are not read.
 */
public final class CurvesTable {
    public static final String DIR = "curves";

    static final List<String> COLUMNS = List.of("trial_id", "epoch", "lr", "loss", "accuracy", "val_loss", "val_accuracy",
            "grad_norm", "weight_norm");
    /** Columns older outputs lack. */
    static final Set<String> OPTIONAL = Set.of("grad_norm", "weight_norm");

    private CurvesTable() {}

    /** Calls {@code each} with every row of {@code dir/curves}, in file order (none when there is no such table). */
    public static void read(SweepDirectory dir, Consumer<CurvePoint> each) {
        ParquetRows.read(dir, DIR, COLUMNS, OPTIONAL, r -> each.accept(new CurvePoint(
                r.string(0), ((Number) r.get(1)).intValue(), r.number(2), r.number(3), r.number(4), r.number(5), r.number(6),
                r.number(7), r.number(8))));
    }
}
