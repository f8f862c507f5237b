package io.lrsweep.job.analysis;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.model.Kernel;
import io.lrsweep.core.model.LossFunction;
import io.lrsweep.core.model.Network;
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
        // The sweep's one model: the grid's single hidden layers when it gives them.
        ModelSpec model = new ModelSpec(spec.hiddens().get(0), spec.model().activation());
        int batch = Math.min(spec.batchSizes().get(0), prepared.train().rows());
        LossFunction loss = spec.training().loss();
        JavaRDD<Row> rows = jsc.parallelize(spec.seeds(), Math.max(1, Math.min(spec.seeds().size(), 64))).map(seed -> {
            Dataset train = shared.value().train();
            Dataset validation = shared.value().validation();
            Network net = new Network(model, train.featureCount(), train.classCount());
            double[] params = new double[net.parameterCount()];
            net.initialize(SplitMix64.stream(seed, "init"), params, 0);
            Kernel.Evaluation e = new Kernel(net, Math.max(batch, 64)).evaluateAll(loss, params, validation);
            return RowFactory.create(seed, e.lossSum() / validation.rows(), (double) e.correct() / validation.rows());
        });
        // One row per seed: small enough to bring back, so the broadcast can go and nothing recomputes.
        List<Row> collected = rows.collect();
        shared.destroy();
        return spark.createDataFrame(collected, SCHEMA);
    }
}
