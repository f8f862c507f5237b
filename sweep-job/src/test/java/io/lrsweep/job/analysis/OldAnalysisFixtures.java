package io.lrsweep.job.analysis;

import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.SharedSpark;
import io.lrsweep.job.run.RunListener;
import io.lrsweep.job.run.RunOptions;
import io.lrsweep.job.run.Schemas;
import io.lrsweep.job.run.SweepRunner;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes the regression fixtures of the analysis (run once, by hand, with
 * {@code -Dlrsweep.makeFixtures=sweep-job/src/test/resources/analysis-regression}): stored
 * {@code trials/} and {@code curves/} inputs, and what the Spark SQL analysis made of them, as TSV.
 *
 * <p>The Spark SQL analysis predates the outcome classes and epoch 0: it saw every finite trial as
 * {@code ok} and curves from epoch 1. It is run here on the inputs as that engine would have written
 * them (stalled and saturated read as ok, the epoch 0 rows left out), which is what its users saw.
 */
@EnabledIfSystemProperty(named = "lrsweep.makeFixtures", matches = ".+")
class OldAnalysisFixtures {

    static final String[] SWEEPS = {
            """
            { "name": "fixture-lr-momentum", "dataset": { "kind": "blobs" },
              "training": { "epochs": 40, "batch_size": 32 },
              "grid": { "optimizer": ["sgd"], "learning_rate": [1, 0.1, 0.01, 0.001, 0.0001, 0.00001],
                        "momentum": [0.0, 0.9] },
              "seeds": 3 }
            """,
            """
            { "name": "fixture-optimizers", "dataset": { "kind": "blobs" },
              "training": { "epochs": 30, "batch_size": 32 },
              "plateau": { "min_delta": 1e-7 },
              "grid": { "optimizer": ["sgd", "adam"], "learning_rate": [1, 0.1, 0.01, 0.001],
                        "momentum": [0.0, 0.9], "decay": [0.0, 0.01], "patience": [null, 3] },
              "seeds": 3 }
            """,
            """
            { "name": "fixture-defaults", "dataset": { "kind": "blobs" },
              "training": { "epochs": 20, "batch_size": 32 },
              "grid": { "optimizer": ["sgd", "rmsprop", "adagrad", "adam"] },
              "seeds": 3 }
            """,
    };

    @Test
    void make() throws Exception {
        Path root = Path.of(System.getProperty("lrsweep.makeFixtures")).toAbsolutePath();
        SparkSession spark = SharedSpark.session();
        for (String json : SWEEPS) {
            SweepSpec spec = SweepParser.parse(json);
            Path out = root.resolve(spec.name());
            if (!Files.isDirectory(out.resolve("trials"))) {
                SweepRunner.run(spark, spec, Blobs.generate((BlobsSpec) spec.dataset()),
                        new RunOptions(out.toString(), false, true, 512), RunListener.NONE);
                tidy(out);
            }
            Dataset<Row> init = InitialLoss.compute(spark, spec, Blobs.generate((BlobsSpec) spec.dataset()));
            expect(spark, out, init);
        }
        Path hand = root.resolve("fixture-hand-made");
        HandMade.write(spark, hand);
        expect(spark, hand, HandMadeSweep.initialLoss(spark, HandMade.INIT));
    }

    /** The old analysis on the inputs as the old engine wrote them; its two tables as TSV under expected/. */
    static void expect(SparkSession spark, Path dir, Dataset<Row> init) throws IOException {
        Dataset<Row> trials = spark.read().parquet(dir.resolve("trials").toString())
                .selectExpr("*", "CASE WHEN status IN ('stalled', 'saturated') THEN 'ok' ELSE status END AS old_status")
                .drop("status").withColumnRenamed("old_status", "status");
        Dataset<Row> curves = spark.read().parquet(dir.resolve("curves").toString()).where("epoch >= 1");
        AnalysisTables t = Analysis.run(spark, trials, curves, init, AnalysisOptions.defaults());
        Files.createDirectories(dir.resolve("expected"));
        tsv(t.sensitivity().orderBy("axis", "setup", "axis_value"), dir.resolve("expected/sensitivity.tsv"));
        tsv(t.ucurve().orderBy("setup"), dir.resolve("expected/ucurve.tsv"));
        Analysis.release(t);
    }

    /** One line per row; doubles as Double.toString (reads back to the same bits), null as \N. */
    static void tsv(Dataset<Row> table, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        StructField[] fields = table.schema().fields();
        List<String> header = new ArrayList<>();
        for (StructField f : fields) {
            header.add(f.name());
        }
        lines.add(String.join("\t", header));
        for (Row r : table.collectAsList()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < fields.length; i++) {
                cells.add(r.isNullAt(i) ? "\\N" : String.valueOf(r.get(i)));
            }
            lines.add(String.join("\t", cells));
        }
        Files.write(file, lines);
    }

    /** Leaves only the Parquet parts and sweep.json (no checksums, no Spark markers). */
    static void tidy(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (Files.isRegularFile(f) && (n.endsWith(".crc") || n.startsWith("_"))) {
                    Files.delete(f);
                }
            }
        }
    }

    /**
     * The hand-made sweep of {@link AnalysisTest} with an epoch 0 and the initial losses in its
     * rows, and one failed trial: setups sgd momentum 0 and 0.9, lr 1e-4 to 1, 3 seeds; at lr 1
     * seed 2 of momentum 0 diverged, at lr 1e-4 seed 0 of momentum 0.9 failed.
     */
    static final class HandMade {
        static final double[] LRS = {1e-4, 1e-3, 1e-2, 1e-1, 1.0};
        static final double[] INIT = {1.10, 1.12, 1.14};
        static final int EPOCHS = 10;

        static void write(SparkSession spark, Path dir) {
            List<Row> trials = new ArrayList<>();
            List<Row> curves = new ArrayList<>();
            for (double lr : LRS) {
                for (int seed = 0; seed < 3; seed++) {
                    add(trials, curves, 0.0, lr, seed, lr == 1.0 && seed == 2 ? "diverged" : "ok", AnalysisTest.lossA(lr, seed));
                    add(trials, curves, 0.9, lr, seed, lr == 1e-4 && seed == 0 ? "failed" : "ok", AnalysisTest.lossB(lr, seed));
                }
            }
            spark.createDataFrame(trials, Schemas.TRIALS).coalesce(1).write().mode(SaveMode.Overwrite)
                    .parquet(dir.resolve("trials").toString());
            spark.createDataFrame(curves, Schemas.CURVES).coalesce(1).write().mode(SaveMode.Overwrite)
                    .parquet(dir.resolve("curves").toString());
            try {
                tidy(dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static void add(List<Row> trials, List<Row> curves, double momentum, double lr, int seed, String status,
                                double finalValLoss) {
            String id = "m" + momentum + "-lr" + lr + "-s" + seed;
            boolean ok = status.equals("ok");
            boolean failed = status.equals("failed");
            int epochs = ok ? EPOCHS : failed ? 0 : 4;
            if (!failed) {
                curves.add(RowFactory.create("hand", id, "sgd", lr, momentum, 0.0, null, (long) seed,
                        0, lr, INIT[seed] + 0.05, 1.0 / 3, INIT[seed], 1.0 / 3, null, 1.0));
            }
            for (int e = 1; e <= epochs; e++) {
                boolean last = e == epochs;
                double valAccuracy = e / (10.0 + seed);
                double valLoss = !ok && last ? Double.NaN : finalValLoss + (EPOCHS - e) * 0.01;
                curves.add(RowFactory.create("hand", id, "sgd", lr, momentum, 0.0, null, (long) seed,
                        e, lr, valLoss, valAccuracy, valLoss, valAccuracy, 0.5, 1.0));
            }
            Double finalV = ok ? (Double) finalValLoss : failed ? null : (Double) Double.NaN;
            Double bestV = ok ? (Double) finalValLoss : failed ? null : (Double) (finalValLoss + 6 * 0.01);
            Double finalAcc = ok ? (Double) (1.0 - finalValLoss / 2) : failed ? null : (Double) Double.NaN;
            trials.add(RowFactory.create("hand", id, "sgd", lr, momentum, 0.0, null, (long) seed,
                    trials.size(), 32, EPOCHS, status, status, epochs, failed ? null : (Double) (INIT[seed] + 0.05),
                    failed ? null : (Double) INIT[seed], finalV, ok ? (Double) 0.9 : failed ? null : (Double) Double.NaN,
                    finalV, finalAcc, bestV,
                    ok ? (Integer) EPOCHS : failed ? null : (Integer) 3, null, 0, 5L, failed ? "made to fail" : null));
        }
    }
}
