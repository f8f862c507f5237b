package io.lrsweep.job.run;

import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.TrialSpec;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.train.EpochRecord;
import io.lrsweep.core.train.Engine;
import io.lrsweep.core.train.TrialResult;
import io.lrsweep.job.SharedSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs reduced reference sweeps on real Spark and reads the Parquet back with DuckDB. */
class SweepRunnerEndToEndTest {

    static final String SWEEP = """
            { "name": "lr-small",
              "dataset": { "kind": "blobs" },
              "training": { "epochs": 12, "batch_size": 32 },
              "grid": { "optimizer": ["sgd"], "learning_rate": [1, 0.1, 0.01, 0.0001] },
              "seeds": 2 }
            """;

    static Dataset data(SweepSpec spec) {
        return Blobs.generate((BlobsSpec) spec.dataset());
    }

    @Test
    void curvesAndTrialsMatchCoreAndReadBackWithDuckDb(@TempDir Path tmp) throws Exception {
        SparkSession spark = SharedSpark.session();
        SweepSpec spec = SweepParser.parse(SWEEP);
        Path out = tmp.resolve("out");
        RunSummary summary = SweepRunner.run(spark, spec, data(spec), new RunOptions(out.toString(), false, false, 3), RunListener.NONE);
        assertEquals(8, summary.totalTrials());
        assertEquals(8, summary.ran());
        assertEquals(0, summary.resumed());
        assertEquals(8, summary.ok() + summary.diverged() + summary.saturated() + summary.stalled() + summary.failed());
        assertTrue(Files.exists(out.resolve("sweep.json")));
        assertFalse(Files.exists(out.resolve("_staging")), "staging is cleaned after each commit");

        PreparedData prepared = PreparedData.of(data(spec), spec.dataset());
        Map<String, TrialResult> direct = new HashMap<>();
        int expectedRows = 0;
        for (TrialSpec t : spec.trials(prepared.contentSha256())) {
            TrialResult r = Engine.train(t.settings(), prepared.train(), prepared.validation(), t.seed());
            direct.put(t.trialId(), r);
            expectedRows += r.epochsCompleted() + 1;
        }
        try (Duck duck = new Duck()) {
            String curves = Duck.parquet(out.resolve("curves"));
            String trials = Duck.parquet(out.resolve("trials"));
            assertEquals(8 * 13, expectedRows, "no trial of this sweep diverges: epochs 0 to 12");
            assertEquals(expectedRows, duck.count("SELECT count(*) FROM " + curves));
            assertEquals(8, duck.count("SELECT count(*) FROM " + trials));
            assertEquals(8, duck.count("SELECT count(DISTINCT trial_id) FROM " + trials));

            Map<String, String> curveColumns = new LinkedHashMap<>();
            for (String c : List.of("sweep", "trial_id", "optimizer")) {
                curveColumns.put(c, "VARCHAR");
            }
            curveColumns.put("learning_rate", "DOUBLE");
            curveColumns.put("momentum", "DOUBLE");
            curveColumns.put("decay", "DOUBLE");
            curveColumns.put("patience", "INTEGER");
            curveColumns.put("seed", "BIGINT");
            curveColumns.put("schedule", "VARCHAR");
            curveColumns.put("weight_decay", "DOUBLE");
            curveColumns.put("nesterov", "BOOLEAN");
            curveColumns.put("hidden", "VARCHAR");
            curveColumns.put("batch_size", "INTEGER");
            curveColumns.put("epoch", "INTEGER");
            for (String c : List.of("lr", "loss", "accuracy", "val_loss", "val_accuracy", "grad_norm", "weight_norm", "l2_penalty")) {
                curveColumns.put(c, "DOUBLE");
            }
            assertEquals(curveColumns, duck.columns(out.resolve("curves")));
            Map<String, String> trialColumns = duck.columns(out.resolve("trials"));
            for (String c : List.of("status", "epochs_completed", "final_val_loss", "best_val_loss", "best_epoch",
                    "lr_reductions", "train_millis", "batch_size", "epochs")) {
                assertTrue(trialColumns.containsKey(c), "trials has " + c + ": " + trialColumns.keySet());
            }
            assertEquals("VARCHAR", trialColumns.get("status"));

            for (Object[] row : duck.rows("SELECT trial_id, epoch, lr, loss, accuracy, val_loss, val_accuracy, momentum, patience,"
                    + " grad_norm, weight_norm FROM " + curves + " ORDER BY trial_id, epoch")) {
                TrialResult r = direct.get((String) row[0]);
                int epoch = (Integer) row[1];
                EpochRecord e = epoch == 0 ? r.initial() : r.history().get(epoch - 1);
                assertEquals(e.lr(), (Double) row[2], 0.0);
                assertEquals(e.loss(), (Double) row[3], 0.0, "loss bit for bit");
                assertEquals(e.accuracy(), (Double) row[4], 0.0);
                assertEquals(e.valLoss(), (Double) row[5], 0.0);
                assertEquals(e.valAccuracy(), (Double) row[6], 0.0);
                assertEquals(0.0, (Double) row[7], 0.0, "sgd momentum recorded");
                assertEquals(null, row[8], "no plateau controller: patience is null");
                if (epoch == 0) {
                    assertNull(row[9], "no gradient before the first update");
                } else {
                    assertEquals(e.gradNorm(), (Double) row[9], 0.0);
                }
                assertEquals(e.weightNorm(), (Double) row[10], 0.0);
            }
            for (Object[] row : duck.rows("SELECT trial_id, status, epochs_completed, final_val_loss, best_val_loss,"
                    + " status_reason, initial_loss, initial_val_loss FROM " + trials)) {
                TrialResult r = direct.get((String) row[0]);
                assertEquals(r.status().label, row[1]);
                assertEquals(r.statusReason(), row[5]);
                assertEquals(r.initial().loss(), (Double) row[6], 0.0);
                assertEquals(r.initial().valLoss(), (Double) row[7], 0.0);
                assertEquals(r.epochsCompleted(), row[2]);
                assertEquals(r.last().valLoss(), (Double) row[3], 0.0);
                assertEquals(r.bestByValLoss().valLoss(), (Double) row[4], 0.0);
            }
        }
    }

    @Test
    void existingOutputIsRefusedAndResumeRunsOnlyWhatIsMissing(@TempDir Path tmp) throws Exception {
        SparkSession spark = SharedSpark.session();
        SweepSpec spec = SweepParser.parse(SWEEP.replace("[1, 0.1, 0.01, 0.0001]", "[0.1, 0.01]"));
        Path out = tmp.resolve("out");
        SweepRunner.run(spark, spec, data(spec), new RunOptions(out.toString(), false, false, 512), RunListener.NONE);
        long modified = Files.getLastModifiedTime(out.resolve("sweep.json")).toMillis();

        OutputException refused = assertThrows(OutputException.class, () -> SweepRunner.run(spark, spec, data(spec),
                new RunOptions(out.toString(), false, false, 512), RunListener.NONE));
        assertTrue(refused.getMessage().contains("--resume") && refused.getMessage().contains("--overwrite"), refused.getMessage());
        assertEquals(modified, Files.getLastModifiedTime(out.resolve("sweep.json")).toMillis(), "nothing touched");

        RunSummary again = SweepRunner.run(spark, spec, data(spec), new RunOptions(out.toString(), true, false, 512), RunListener.NONE);
        assertEquals(4, again.resumed());
        assertEquals(0, again.ran());

        // The grid grows: one more learning rate and one more seed. Only the new points run.
        SweepSpec grown = SweepParser.parse(SWEEP.replace("[1, 0.1, 0.01, 0.0001]", "[0.1, 0.01, 0.001]").replace("\"seeds\": 2", "\"seeds\": 3"));
        RunSummary more = SweepRunner.run(spark, grown, data(grown), new RunOptions(out.toString(), true, false, 2), RunListener.NONE);
        assertEquals(9, more.totalTrials());
        assertEquals(4, more.resumed());
        assertEquals(5, more.ran());
        try (Duck duck = new Duck()) {
            String trials = Duck.parquet(out.resolve("trials"));
            String curves = Duck.parquet(out.resolve("curves"));
            assertEquals(9, duck.count("SELECT count(*) FROM " + trials));
            assertEquals(9, duck.count("SELECT count(DISTINCT trial_id) FROM " + trials));
            assertEquals(9 * 13, duck.count("SELECT count(*) FROM " + curves));
            assertEquals(9 * 13, duck.count("SELECT count(*) FROM (SELECT DISTINCT trial_id, epoch FROM " + curves + ")"));
        }

        RunSummary fresh = SweepRunner.run(spark, spec, data(spec), new RunOptions(out.toString(), false, true, 512), RunListener.NONE);
        assertEquals(4, fresh.ran(), "--overwrite starts again");
        try (Duck duck = new Duck()) {
            assertEquals(4, duck.count("SELECT count(*) FROM " + Duck.parquet(out.resolve("trials"))));
        }
    }

    @Test
    void anUncommittedWaveIsDiscardedOnResume(@TempDir Path tmp) throws Exception {
        SparkSession spark = SharedSpark.session();
        SweepSpec spec = SweepParser.parse(SWEEP.replace("[1, 0.1, 0.01, 0.0001]", "[0.1]"));
        Path out = tmp.resolve("out");
        SweepRunner.run(spark, spec, data(spec), new RunOptions(out.toString(), false, false, 512), RunListener.NONE);
        // Simulate a crash between the two renames of a later wave: curves landed, trials did not.
        Path curves = out.resolve("curves");
        Path someCurve;
        try (var files = Files.list(curves)) {
            someCurve = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Files.copy(someCurve, curves.resolve(someCurve.getFileName().toString().replace("part-w00001-", "part-w00002-")));
        try (Duck duck = new Duck()) {
            assertTrue(duck.count("SELECT count(*) FROM " + Duck.parquet(curves)) > 2 * 13, "the orphan adds rows");
        }
        SweepRunner.run(spark, spec, data(spec), new RunOptions(out.toString(), true, false, 512), RunListener.NONE);
        try (Duck duck = new Duck()) {
            assertEquals(2 * 13, duck.count("SELECT count(*) FROM " + Duck.parquet(curves)), "the orphan wave is gone");
        }
    }
}
