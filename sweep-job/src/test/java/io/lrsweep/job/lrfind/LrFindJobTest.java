package io.lrsweep.job.lrfind;

import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.lrfind.LrFinderResult;
import io.lrsweep.core.lrfind.LrFinderSpec;
import io.lrsweep.core.lrfind.LrFinder;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.TrialSpec;
import io.lrsweep.job.SharedSpark;
import io.lrsweep.job.report.ReportBuilder;
import io.lrsweep.job.report.ReportResult;
import io.lrsweep.job.run.OutputException;
import io.lrsweep.job.run.PreparedData;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The range test on Spark gives core's curves bit for bit, one test per optimizer/momentum and seed. */
class LrFindJobTest {

    static final String SWEEP = """
            { "name": "lr-find-small",
              "dataset": { "kind": "blobs" },
              "training": { "epochs": 5 },
              "grid": { "optimizer": ["sgd", "adam"], "learning_rate": [0.1, 0.01],
                        "momentum": [0.0, 0.9], "decay": [0.0, 0.001] },
              "seeds": 2 }
            """;

    @Test
    void oneTestPerOptimizerMomentumAndSeed() {
        SweepSpec spec = SweepParser.parse(SWEEP);
        List<LrFindTask> tasks = LrFindJob.tasks(spec);
        // sgd momentum 0, sgd momentum 0.9, adam: learning rate and decay do not change a range test.
        assertEquals(3 * 2, tasks.size());
        assertEquals(List.of("sgd momentum=0", "sgd momentum=0", "sgd momentum=0.9", "sgd momentum=0.9", "adam", "adam"),
                tasks.stream().map(t -> LrFindSuggestion.label(t.optimizer(), t.momentum())).toList());
    }

    @Test
    void curvesMatchCoreAndAnLrFindOnlyDirectoryGetsAReport(@TempDir Path tmp) throws Exception {
        SparkSession spark = SharedSpark.session();
        SweepSpec spec = SweepParser.parse(SWEEP);
        Dataset data = Blobs.generate((BlobsSpec) spec.dataset());
        Path out = tmp.resolve("out");
        LrFinderSpec finder = new LrFinderSpec(1e-6, 10.0, 120, 0.95, 4.0);
        LrFindSummary summary = LrFindJob.run(spark, spec, data, out.toString(), finder);
        assertEquals(6, summary.tests());
        assertEquals(3, summary.suggestions().size());

        PreparedData prepared = PreparedData.of(data, spec.dataset());
        TrialSpec adam = spec.trials().stream().filter(t -> t.optimizerName().equals("adam") && t.seed() == 1).findFirst().orElseThrow();
        LrFinderResult direct = LrFinder.run(finder, adam.settings(), prepared.train(), 1L);
        List<Row> rows = spark.read().parquet(out.resolve("lr_find/curve").toString())
                .where("optimizer = 'adam' AND seed = 1").orderBy("step").collectAsList();
        assertEquals(direct.curve().size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            LrFinderResult.Point p = direct.curve().get(i);
            assertEquals(p.lr(), rows.get(i).<Double>getAs("lr"), 0.0);
            assertEquals(p.smoothedLoss(), rows.get(i).<Double>getAs("smoothed_loss"), 0.0, "bit for bit");
        }
        Row s = spark.read().parquet(out.resolve("lr_find/summary").toString()).where("optimizer = 'adam' AND seed = 1").first();
        assertEquals(direct.steepestLr(), s.<Double>getAs("steepest_lr"), 0.0);
        assertEquals(direct.stopReason(), s.getAs("stop_reason"));

        ReportResult report = ReportBuilder.build(spark.sparkContext().hadoopConfiguration(), out.toString());
        assertEquals(1, report.figures().size(), "only the range test: " + report.figures());
        assertTrue(Files.exists(out.resolve("report/lr_find.png")));
        String html = Files.readString(out.resolve("report/index.html"));
        assertTrue(html.contains("src=\"lr_find.png\""));
        assertFalse(Files.exists(out.resolve("sensitivity")), "no trials, no sensitivity tables");
    }

    @Test
    void aDirectoryWithNothingToReportIsRefused(@TempDir Path tmp) {
        OutputException e = assertThrows(OutputException.class,
                () -> ReportBuilder.build(new org.apache.hadoop.conf.Configuration(), tmp.toString()));
        assertTrue(e.getMessage().contains("nothing to report"), e.getMessage());
    }
}
