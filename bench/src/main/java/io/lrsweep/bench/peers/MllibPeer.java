package io.lrsweep.bench.peers;

import io.lrsweep.bench.Json;
import io.lrsweep.bench.ReferenceProblem;
import io.lrsweep.bench.SparkLocal;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.train.Engine;
import io.lrsweep.core.train.TrialSettings;
import io.lrsweep.job.run.RunListener;
import io.lrsweep.job.run.RunOptions;
import io.lrsweep.job.run.SweepRunner;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spark MLlib's own route for the learning-rate grid against ours, side by side in one JVM on
 * local[2]: MultilayerPerceptronClassifier (layers 2-50-3, solver gd, stepSize = lr, 200
 * iterations) fitted once per step size, and under TrainValidationSplit with parallelism 2 over
 * the 8-point grid; ours: the reference trial per learning rate, and `lrsweep run` of the same
 * grid (conf/learning-rate.json, one seed) through SweepRunner. Session start is timed apart and
 * excluded from both grids' wall times.
 *
 * <p>Usage: {@code MllibPeer CONF_DIR OUT.json WORK_DIR}
 */
public final class MllibPeer {
    private MllibPeer() {}

    public static void main(String[] args) throws Exception {
        Path conf = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path work = Path.of(args[2]);
        ReferenceProblem problem = new ReferenceProblem();
        Map<String, Object> result = new LinkedHashMap<>();

        double[] ours = oursPerTrial(problem);
        result.put("ours_trial_ms", ours);
        result.put("ours_trial_ms_median", Json.median(ours));

        long t0 = System.nanoTime();
        SparkSession spark = SparkLocal.start("lrsweep-bench-mllib");
        result.put("session_start_ms", Json.millisSince(t0));
        try {
            org.apache.spark.sql.Dataset<Row> train = frame(spark, problem.train);
            org.apache.spark.sql.Dataset<Row> all = frame(spark, problem.train).union(frame(spark, problem.validation));
            train.cache().count();
            all.cache().count();
            MultilayerPerceptronClassifier mlp = new MultilayerPerceptronClassifier()
                    .setLayers(new int[]{2, 50, 3}).setSolver("gd").setMaxIter(200).setTol(0.0).setSeed(0L);

            mlp.copy(new ParamMap().put(mlp.stepSize().w(0.01))).fit(train); // warm-up, not timed
            double[] fits = new double[ReferenceProblem.LEARNING_RATES.length];
            for (int i = 0; i < fits.length; i++) {
                long f0 = System.nanoTime();
                mlp.copy(new ParamMap().put(mlp.stepSize().w(ReferenceProblem.LEARNING_RATES[i]))).fit(train);
                fits[i] = Json.millisSince(f0);
            }
            result.put("mllib_fit_ms", fits);
            result.put("mllib_fit_ms_median", Json.median(fits));

            TrainValidationSplit tvs = new TrainValidationSplit().setEstimator(mlp)
                    .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("logLoss"))
                    .setEstimatorParamMaps(new ParamGridBuilder().addGrid(mlp.stepSize(), ReferenceProblem.LEARNING_RATES).build())
                    .setTrainRatio(0.5).setParallelism(2).setSeed(0L);
            long v0 = System.nanoTime();
            tvs.fit(all);
            result.put("mllib_tvs_grid_wall_ms", Json.millisSince(v0));

            SweepSpec grid = SweepParser.parse(conf.resolve("learning-rate.json")).withSeeds(1);
            Dataset data = io.lrsweep.job.data.DataLoader.load(spark, grid.dataset());
            SweepRunner.run(spark, grid, data, options(work.resolve("warm")), RunListener.NONE); // warm-up
            long g0 = System.nanoTime();
            SweepRunner.run(spark, grid, data, options(work.resolve("grid")), RunListener.NONE);
            result.put("ours_grid_wall_ms", Json.millisSince(g0));
            result.put("grid_points", grid.trials().size());
        } finally {
            spark.stop();
        }
        Json.write(out, result);
    }

    private static RunOptions options(Path dir) {
        return new RunOptions(dir.toString(), false, true, RunOptions.AUTO_WAVE_SIZE);
    }

    /** Wall time of each learning rate's reference trial, after ten warm-up rounds (the JIT's). */
    private static double[] oursPerTrial(ReferenceProblem problem) {
        List<TrialSettings> grid = ReferenceProblem.learningRateGrid();
        for (int round = 0; round < 10; round++) {
            for (TrialSettings t : grid) {
                Engine.train(t, problem.train, problem.validation, 0);
            }
        }
        double[] ms = new double[grid.size()];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            Engine.train(grid.get(i), problem.train, problem.validation, 0);
            ms[i] = Json.millisSince(t0);
        }
        return ms;
    }

    private static org.apache.spark.sql.Dataset<Row> frame(SparkSession spark, Dataset d) {
        List<Row> rows = new ArrayList<>(d.rows());
        for (int r = 0; r < d.rows(); r++) {
            rows.add(RowFactory.create(Vectors.dense(d.feature(r, 0), d.feature(r, 1)), (double) d.labels()[r]));
        }
        StructType schema = new StructType(new StructField[]{
                new StructField("features", new VectorUDT(), false, Metadata.empty()),
                new StructField("label", DataTypes.DoubleType, false, Metadata.empty())});
        return spark.createDataFrame(rows, schema);
    }
}
