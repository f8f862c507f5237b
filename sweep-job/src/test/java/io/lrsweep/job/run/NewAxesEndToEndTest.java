package io.lrsweep.job.run;

import io.lrsweep.core.schedule.OneCycle;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.TrialSpec;
import io.lrsweep.core.train.EpochRecord;
import io.lrsweep.core.train.Engine;
import io.lrsweep.core.train.TrialResult;
import io.lrsweep.job.SharedSpark;
import io.lrsweep.job.report.ReportBuilder;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep over every axis of issue 13 on real Spark: each trial's rows carry its schedule, weight
 * decay, Nesterov flag, hidden layers and batch size, and its curve is bit for bit what core gives
 * the trial alone (whatever group it trained in), read back with DuckDB.
 */
class NewAxesEndToEndTest {

    static final String SWEEP = """
            { "name": "axes-small",
              "dataset": { "kind": "blobs", "samples": 200 },
              "training": { "epochs": 3 },
              "grid": { "hidden": [[4], [6, 6]], "batch_size": [16, 100],
                        "optimizer": ["sgd", "adamw"],
                        "schedule": [{ "kind": "constant" }, { "kind": "one_cycle" }],
                        "learning_rate": [0.05], "momentum": [0.9], "nesterov": [false, true],
                        "weight_decay": [0, 0.001] },
              "seeds": 1 }
            """;

    @Test
    void everyTrialCarriesItsSettingsAndMatchesCore(@TempDir Path tmp) throws Exception {
        SparkSession spark = SharedSpark.session();
        SweepSpec spec = SweepParser.parse(SWEEP);
        Path out = tmp.resolve("out");
        RunSummary summary = SweepRunner.run(spark, spec, SweepRunnerEndToEndTest.data(spec),
                new RunOptions(out.toString(), false, false, 512), RunListener.NONE);
        int trials = 2 * 2 * (2 + 1) * 2 * 2;
        assertEquals(trials, summary.totalTrials());

        PreparedData prepared = PreparedData.of(SweepRunnerEndToEndTest.data(spec), spec.dataset());
        Map<String, TrialSpec> byId = new HashMap<>();
        Map<String, TrialResult> direct = new HashMap<>();
        // The ids the run made: with the data's content hash.
        for (TrialSpec t : spec.trials(prepared.contentSha256())) {
            byId.put(t.trialId(), t);
            direct.put(t.trialId(), Engine.train(t.settings(), prepared.train(), prepared.validation(), t.seed()));
        }
        try (Duck duck = new Duck()) {
            String trialTable = Duck.parquet(out.resolve("trials"));
            String curves = Duck.parquet(out.resolve("curves"));
            assertEquals(trials, duck.count("SELECT count(*) FROM " + trialTable));
            assertEquals(1, duck.count("SELECT count(*) FROM " + trialTable + " WHERE optimizer = 'sgd' AND hidden = '[6,6]'"
                    + " AND batch_size = 16 AND schedule = 'one_cycle(pct_start=0.3,div_factor=25,final_div_factor=10000)'"
                    + " AND nesterov AND weight_decay = 0.001 AND hidden_layers = 2 AND hidden_width = 6"));
            assertEquals(0, duck.count("SELECT count(*) FROM " + trialTable + " WHERE optimizer = 'adamw' AND nesterov IS NOT NULL"));
            for (Object[] row : duck.rows("SELECT trial_id, schedule, weight_decay, nesterov, hidden, batch_size, hidden_layers,"
                    + " hidden_width, final_val_loss FROM " + trialTable)) {
                TrialSpec t = byId.get((String) row[0]);
                assertEquals(t.schedule(), row[1]);
                assertEquals(t.weightDecay(), (Double) row[2], 0.0);
                assertEquals(t.nesterov(), row[3]);
                assertEquals(t.hidden(), row[4]);
                assertEquals(t.batchSize(), row[5]);
                assertEquals(t.settings().model().hidden().size(), row[6]);
                assertEquals(t.hiddenWidth(), row[7]);
                assertEquals(direct.get(t.trialId()).last().valLoss(), (Double) row[8], 0.0);
            }
            for (Object[] row : duck.rows("SELECT trial_id, epoch, lr, val_loss, l2_penalty, batch_size, schedule, hidden FROM "
                    + curves)) {
                TrialSpec t = byId.get((String) row[0]);
                TrialResult r = direct.get(t.trialId());
                int epoch = (Integer) row[1];
                EpochRecord e = epoch == 0 ? r.initial() : r.history().get(epoch - 1);
                assertEquals(e.lr(), (Double) row[2], 0.0);
                assertEquals(e.valLoss(), (Double) row[3], 0.0, "val_loss bit for bit");
                assertEquals(e.l2Penalty(), (Double) row[4], 0.0);
                assertEquals(t.batchSize(), row[5]);
                assertEquals(t.schedule(), row[6]);
                assertEquals(t.hidden(), row[7]);
                boolean coupled = t.optimizerName().equals("sgd") && t.weightDecay() > 0;
                assertEquals(coupled, e.l2Penalty() > 0.0, "a penalty exactly where coupled weight decay is: " + t.trialId());
            }
            // one_cycle with U = ceil(100 / b) updates per epoch: the last epoch's lr is the final one, lr / 25 / 1e4
            for (Object[] row : duck.rows("SELECT lr, learning_rate, batch_size FROM " + curves + " WHERE epoch = 3 AND schedule LIKE 'one_cycle%'")) {
                long u = (100 + (Integer) row[2] - 1) / (Integer) row[2];
                assertEquals((Double) row[1] * OneCycle.pytorchDefaults().factor(3 * u - 1, u, 3 * u), (Double) row[0], 0.0);
                assertEquals((Double) row[1] / 25 / 1e4, (Double) row[0], 1e-15);
            }
            assertNull(duck.rows("SELECT max(l2_penalty) FROM " + curves + " WHERE optimizer = 'adamw' AND l2_penalty > 0").get(0)[0],
                    "adamw's decay is no loss term");
        }
        // The analysis sets every new axis apart: each has a profile (one row per value at its own best setting).
        ReportBuilder.build(spark.sparkContext().hadoopConfiguration(), out.toString());
        try (Duck duck = new Duck()) {
            String sensitivity = Duck.parquet(out.resolve("sensitivity"));
            for (Object[] row : duck.rows("SELECT axis, count(DISTINCT axis_value) FROM " + sensitivity
                    + " WHERE slice = 'profile' GROUP BY axis ORDER BY axis")) {
                assertEquals(2L, ((Number) row[1]).longValue(), "two values in the profile of " + row[0]);
            }
            assertEquals(java.util.List.of("batch_size", "hidden", "nesterov", "optimizer", "schedule", "weight_decay"),
                    duck.rows("SELECT DISTINCT axis FROM " + sensitivity + " WHERE slice = 'profile' ORDER BY axis").stream()
                            .map(r -> (String) r[0]).toList());
        }
    }
}
