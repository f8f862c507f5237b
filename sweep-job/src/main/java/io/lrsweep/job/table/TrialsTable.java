package io.lrsweep.job.table;

import io.lrsweep.job.run.TrialRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code trials/} read straight from its Parquet files into {@link TrialRow}s, by column name. The
 * columns that came with the outcome classes may be absent (a directory written before them) and
 * then read as null.
 */
public final class TrialsTable {
    public static final String DIR = "trials";

    /**
     * The columns read, by name: those of {@code Schemas.TRIALS} (a test holds the two lists equal).
     * Not read from that schema here: it is Spark's type, and loading it costs a local report Scala.
     */
    static final List<String> COLUMNS = List.of("sweep", "trial_id", "optimizer", "learning_rate", "momentum", "decay",
            "patience", "seed", "schedule", "weight_decay", "nesterov", "hidden", "trial_index", "batch_size", "epochs", "status", "status_reason", "epochs_completed",
            "initial_loss", "initial_val_loss", "final_loss", "final_accuracy", "final_val_loss", "final_val_accuracy",
            "best_val_loss", "best_epoch", "frozen_epoch", "lr_reductions", "train_millis", "error", "hidden_layers",
            "hidden_width");

    /**
     * Columns older outputs lack. Without the newer axes' columns a trial reads: schedule, nesterov,
     * hidden and its numbers null (not known), weight decay 0 (there was none).
     */
    static final Set<String> OPTIONAL = Set.of("status_reason", "initial_loss", "initial_val_loss", "frozen_epoch",
            "schedule", "weight_decay", "nesterov", "hidden", "hidden_layers", "hidden_width");

    private TrialsTable() {}

    /** Every row of {@code dir/trials}, in file order; empty when there is no such table. */
    public static List<TrialRow> read(SweepDirectory dir) {
        List<TrialRow> rows = new ArrayList<>();
        ParquetRows.read(dir, DIR, COLUMNS, OPTIONAL, r -> rows.add(new TrialRow(
                r.string("sweep"), r.string("trial_id"), r.string("optimizer"), r.nullableDouble("learning_rate"),
                r.nullableDouble("momentum"), r.nullableDouble("decay"), r.nullableInt("patience"), r.nullableLong("seed"),
                r.nullableInt("trial_index"), r.nullableInt("batch_size"), r.nullableInt("epochs"),
                r.string("status"), r.string("status_reason"), r.nullableInt("epochs_completed"),
                r.nullableDouble("initial_loss"), r.nullableDouble("initial_val_loss"),
                r.nullableDouble("final_loss"), r.nullableDouble("final_accuracy"), r.nullableDouble("final_val_loss"),
                r.nullableDouble("final_val_accuracy"), r.nullableDouble("best_val_loss"), r.nullableInt("best_epoch"),
                r.nullableInt("frozen_epoch"), r.nullableInt("lr_reductions"), r.nullableLong("train_millis"),
                r.string("error"), r.string("schedule"),
                r.nullableDouble("weight_decay") == null ? 0.0 : r.nullableDouble("weight_decay"),
                r.nullableBoolean("nesterov"), r.string("hidden"), r.nullableInt("hidden_layers"),
                r.nullableInt("hidden_width"))));
        return rows;
    }
}
