package io.lrsweep.job.analysis;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.model.Mlp;
import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.random.SplitMix64;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.run.PreparedData;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.List;

/**
 * The loss at initialisation, for the LR sensitivity: per seed, the val_loss and val_accuracy of
 * the initial weights, computed on the executors exactly as {@code Trainer} would before its first
 * update (same model, same "init" stream of the seed, same evaluation buffer size). Within one
 * sweep the model is fixed, so the initial weights depend on the seed alone: every setup shares a
 * seed's value.
 */
public final class InitialLoss {

    public static final StructType SCHEMA = DataTypes.createStructType(new org.apache.spark.sql.types.StructField[]{
            DataTypes.createStructField("seed", DataTypes.LongType, false),
            DataTypes.createStructField("init_val_loss", DataTypes.DoubleType, false),
            DataTypes.createStructField("init_val_accuracy", DataTypes.DoubleType, false),
    });

    private InitialLoss() {}

    /** One row per seed of the sweep (SCHEMA), computed on the executors. */
    public static org.apache.spark.sql.Dataset<Row> compute(SparkSession spark, SweepSpec spec, Dataset data) {
        PreparedData prepared = PreparedData.of(data, spec.dataset());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<PreparedData> shared = jsc.broadcast(prepared);
        ModelSpec model = spec.model();
        int batch = Math.min(spec.training().batchSize(), prepared.train().rows());
        JavaRDD<Row> rows = jsc.parallelize(spec.seeds(), Math.max(1, Math.min(spec.seeds().size(), 64))).map(seed -> {
            Dataset train = shared.value().train();
            Dataset validation = shared.value().validation();
            Mlp mlp = new Mlp(model, train.featureCount(), train.classCount(), batch);
            double[] params = mlp.initialParameters(SplitMix64.stream(seed, "init"));
            double loss = mlp.evaluate(params, validation.features(), validation.labels(), validation.rows()) / validation.rows();
            double accuracy = (double) mlp.lastCorrect() / validation.rows();
            return RowFactory.create(seed, loss, accuracy);
        });
        // One row per seed: small enough to bring back, so the broadcast can go and nothing recomputes.
        List<Row> collected = rows.collect();
        shared.destroy();
        return spark.createDataFrame(collected, SCHEMA);
    }
}
