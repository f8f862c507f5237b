package io.lrsweep.job.lrfind;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * The two tables of {@code lr_find/}: {@code curve/} (one row per setup x seed x update: the lr
 * used, the batch loss before the update, the bias-corrected smoothed loss; the last row of a
 * stopped test may hold a non-finite loss) and {@code summary/} (one row per setup x seed: the
 * readings, null when the curve was too short to read, why it stopped, and the test's settings).
 * {@code momentum} is null for optimizers without one.
 */
public final class LrFindSchemas {
    private LrFindSchemas() {}

    public static final String CURVE = "lr_find/curve";
    public static final String SUMMARY = "lr_find/summary";

    private static final Object[][] KEY = {
            {"sweep", DataTypes.StringType, false},
            {"optimizer", DataTypes.StringType, false},
            {"momentum", DataTypes.DoubleType, true},
            {"seed", DataTypes.LongType, false},
    };

    public static final StructType CURVE_SCHEMA = schema(new Object[][]{
            {"step", DataTypes.IntegerType, false},
            {"lr", DataTypes.DoubleType, false},
            {"loss", DataTypes.DoubleType, false},
            {"smoothed_loss", DataTypes.DoubleType, false},
    });

    public static final StructType SUMMARY_SCHEMA = schema(new Object[][]{
            {"points", DataTypes.IntegerType, false},
            {"steepest_lr", DataTypes.DoubleType, true},
            {"minimum_lr", DataTypes.DoubleType, true},
            {"minimum_over_ten_lr", DataTypes.DoubleType, true},
            {"stop_reason", DataTypes.StringType, false},
            {"lr_min", DataTypes.DoubleType, false},
            {"lr_max", DataTypes.DoubleType, false},
            {"updates", DataTypes.IntegerType, false},
            {"smoothing", DataTypes.DoubleType, false},
            {"divergence_factor", DataTypes.DoubleType, false},
    });

    private static StructType schema(Object[][] specific) {
        List<StructField> fields = new ArrayList<>();
        for (Object[][] part : new Object[][][]{KEY, specific}) {
            for (Object[] f : part) {
                fields.add(DataTypes.createStructField((String) f[0], (DataType) f[1], (Boolean) f[2]));
            }
        }
        return DataTypes.createStructType(fields);
    }
}
