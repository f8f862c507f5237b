package io.lrsweep.job.cli;

import io.lrsweep.job.SharedSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run --max-lr-from DIR}: lr-find's suggestion becomes a one_cycle sweep's max_lr; a directory without it is bad input. */
class MaxLrFromTest {

    private static final String ONE_CYCLE = """
            { "name": "one-cycle",
              "dataset": { "kind": "blobs", "samples": 200 },
              "model": { "hidden": [8] },
              "training": { "epochs": 2, "batch_size": 32, "schedule": { "kind": "one_cycle" } },
              "grid": { "optimizer": ["sgd"], "momentum": [0.9], "learning_rate": [0.5, 0.05] },
              "seeds": 2 }
            """;

    @TempDir
    Path dir;

    @Test
    void theSuggestionBecomesTheLearningRateAxis() throws IOException {
        SparkSession spark = SharedSpark.session();
        Path sweep = SweepFixtures.write(dir, "one-cycle.json", ONE_CYCLE);
        Path found = dir.resolve("found");
        Cli lrFind = Cli.run("lr-find", sweep.toString(), "--out", found.toString(), "--updates", "60");
        assertEquals(0, lrFind.status(), lrFind::toString);
        List<Row> summary = spark.read().parquet(found.resolve("lr_find/summary").toString()).collectAsList();
        double[] logs = summary.stream().mapToDouble(r -> Math.log10(r.<Double>getAs("steepest_lr"))).sorted().toArray();
        double median = Math.pow(10.0, (logs[0] + logs[1]) / 2.0);
        double expected = new BigDecimal(median).round(new MathContext(3)).doubleValue();

        Path out = dir.resolve("out");
        Cli run = Cli.run("run", sweep.toString(), "--out", out.toString(), "--max-lr-from", found.toString());
        assertEquals(0, run.status(), run::toString);
        List<Row> trials = spark.read().parquet(out.resolve("trials").toString()).collectAsList();
        assertEquals(2, trials.size(), "one learning rate (the suggestion) x 2 seeds");
        for (Row r : trials) {
            assertEquals(expected, r.<Double>getAs("learning_rate"), 0.0);
            assertTrue(r.<String>getAs("schedule").startsWith("one_cycle("));
        }
        assertTrue(Files.readString(out.resolve("sweep.json")).contains("\"learning_rate\" : [ " + expected + " ]"),
                "the resolved sweep holds the axis it ran");
    }

    @Test
    void aDirectoryWithoutARangeTestOrWithoutTheSetupIsBadInput() throws IOException {
        SharedSpark.session();
        Path sweep = SweepFixtures.write(dir, "one-cycle.json", ONE_CYCLE);
        Path out = dir.resolve("out");
        Cli none = Cli.run("run", sweep.toString(), "--out", out.toString(), "--max-lr-from", dir.resolve("empty").toString());
        assertEquals(2, none.status(), none::toString);
        assertTrue(none.err().contains("holds no range test (lr_find/summary); run lrsweep lr-find"), none::toString);
        assertFalse(Files.exists(out), "nothing is written on status 2");

        Path adam = SweepFixtures.write(dir, "adam.json", ONE_CYCLE.replace("[\"sgd\"]", "[\"adam\"]").replace("\"momentum\": [0.9], ", ""));
        Path found = dir.resolve("found");
        assertEquals(0, Cli.run("lr-find", adam.toString(), "--out", found.toString(), "--updates", "40").status());
        Cli other = Cli.run("run", sweep.toString(), "--out", out.toString(), "--max-lr-from", found.toString());
        assertEquals(2, other.status(), other::toString);
        assertTrue(other.err().contains("has no range test for sgd momentum=0.9 (it has [adam])"), other::toString);
        assertFalse(Files.exists(out));
    }
}
