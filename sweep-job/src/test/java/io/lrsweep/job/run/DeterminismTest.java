package io.lrsweep.job.run;

import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.SharedSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same sweep under local[1] and local[3] (different partitioning, threads) gives the same bits. */
class DeterminismTest {

    @Test
    void curvesAreBitIdenticalAcrossExecutorCounts(@TempDir Path tmp) throws Exception {
        SweepSpec spec = SweepParser.parse("""
                { "name": "det", "dataset": { "kind": "blobs" },
                  "training": { "epochs": 8, "batch_size": 32 },
                  "grid": { "optimizer": ["sgd", "adam"], "learning_rate": [0.1, 0.01], "momentum": [0.0, 0.9],
                            "patience": [null, 2] },
                  "seeds": 2 }""");
        Path one = tmp.resolve("local1");
        Path three = tmp.resolve("local3");
        run("local[1]", spec, one, 5);
        run("local[3]", spec, three, 512);
        try (Duck duck = new Duck()) {
            String a = Duck.parquet(one.resolve("curves"));
            String b = Duck.parquet(three.resolve("curves"));
            long rows = duck.count("SELECT count(*) FROM " + a);
            assertEquals(spec.trials().size() * 9L, rows, "epochs 0 to 8");
            assertEquals(rows, duck.count("SELECT count(*) FROM " + b));
            // EXCEPT compares every column's exact value, doubles bit for bit.
            assertEquals(0, duck.count("SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT SELECT * FROM " + b + ")"));
            assertEquals(0, duck.count("SELECT count(*) FROM (SELECT * FROM " + b + " EXCEPT SELECT * FROM " + a + ")"));
        }
    }

    private static void run(String master, SweepSpec spec, Path out, int waveSize) {
        SharedSpark.stopShared();
        SparkSession spark = SharedSpark.builder(master).getOrCreate();
        try {
            SweepRunner.run(spark, spec, SweepRunnerEndToEndTest.data(spec), new RunOptions(out.toString(), false, false, waveSize),
                    RunListener.NONE);
        } finally {
            spark.stop();
        }
    }
}
