package io.lrsweep.job.run;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * The Parquet schemas of {@code curves/} and {@code trials/} (DESIGN.md, "Output directory"):
 * plain types only, so Spark SQL, DuckDB and pandas read them as they are. {@code momentum} is
 * null for optimizers without momentum, {@code nesterov} for optimizers other than sgd,
 * {@code patience} null without a plateau controller. {@code schedule} is the schedule's text, its
 * kind first ({@code one_cycle(pct_start=0.3,div_factor=25,final_div_factor=10000)}), {@code hidden}
 * the hidden layers' widths ({@code [64,64]}); {@code trials/} adds them as numbers for the
 * analysis ({@code hidden_layers}, and {@code hidden_width}, null when the layers differ in width).
 * {@code curves/} has the epoch's {@code l2_penalty} (coupled weight decay's {@code wd * sum(w^2)};
 * Keras's val_loss is {@code val_loss + l2_penalty}).
 * {@code curves/} has a row for epoch 0 (the net before any update, {@code grad_norm} null);
 * {@code trials/} says why a trial got its status ({@code status_reason}) and, for a trial that
 * ended frozen, from which epoch ({@code frozen_epoch}).
 */
public final class Schemas {
    private Schemas() {}

    /** The settings columns shared by both tables, in this order. */
    private static final Object[][] SETTINGS = {
            {"sweep", DataTypes.StringType, false},
            {"trial_id", DataTypes.StringType, false},
            {"optimizer", DataTypes.StringType, false},
            {"learning_rate", DataTypes.DoubleType, false},
            {"momentum", DataTypes.DoubleType, true},
            {"decay", DataTypes.DoubleType, false},
            {"patience", DataTypes.IntegerType, true},
            {"seed", DataTypes.LongType, false},
            {"schedule", DataTypes.StringType, false},
            {"weight_decay", DataTypes.DoubleType, false},
            {"nesterov", DataTypes.BooleanType, true},
            {"hidden", DataTypes.StringType, false},
    };

    public static final StructType CURVES = schema(new Object[][]{
            {"batch_size", DataTypes.IntegerType, false},
            {"epoch", DataTypes.IntegerType, false},
            {"lr", DataTypes.DoubleType, false},
            {"loss", DataTypes.DoubleType, false},
            {"accuracy", DataTypes.DoubleType, false},
            {"val_loss", DataTypes.DoubleType, false},
            {"val_accuracy", DataTypes.DoubleType, false},
            {"grad_norm", DataTypes.DoubleType, true},
            {"weight_norm", DataTypes.DoubleType, false},
            {"l2_penalty", DataTypes.DoubleType, false},
    });

    public static final StructType TRIALS = schema(new Object[][]{
            {"trial_index", DataTypes.IntegerType, false},
            {"batch_size", DataTypes.IntegerType, false},
            {"epochs", DataTypes.IntegerType, false},
            {"status", DataTypes.StringType, false},
            {"status_reason", DataTypes.StringType, false},
            {"epochs_completed", DataTypes.IntegerType, false},
            {"initial_loss", DataTypes.DoubleType, true},
            {"initial_val_loss", DataTypes.DoubleType, true},
            {"final_loss", DataTypes.DoubleType, true},
            {"final_accuracy", DataTypes.DoubleType, true},
            {"final_val_loss", DataTypes.DoubleType, true},
            {"final_val_accuracy", DataTypes.DoubleType, true},
            {"best_val_loss", DataTypes.DoubleType, true},
            {"best_epoch", DataTypes.IntegerType, true},
            {"frozen_epoch", DataTypes.IntegerType, true},
            {"lr_reductions", DataTypes.IntegerType, false},
            {"train_millis", DataTypes.LongType, false},
            {"error", DataTypes.StringType, true},
            {"hidden_layers", DataTypes.IntegerType, false},
            {"hidden_width", DataTypes.IntegerType, true},
    });

    private static StructType schema(Object[][] specific) {
        List<StructField> fields = new ArrayList<>();
        for (Object[] f : SETTINGS) {
            fields.add(DataTypes.createStructField((String) f[0], (DataType) f[1], (Boolean) f[2]));
        }
        for (Object[] f : specific) {
            fields.add(DataTypes.createStructField((String) f[0], (DataType) f[1], (Boolean) f[2]));
        }
        return DataTypes.createStructType(fields);
    }
}
