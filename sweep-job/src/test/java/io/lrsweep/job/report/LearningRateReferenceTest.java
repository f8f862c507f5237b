package io.lrsweep.job.report;

import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.lrfind.LrFinderSpec;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.SharedSpark;
import io.lrsweep.job.lrfind.LrFindJob;
import io.lrsweep.job.run.RunListener;
import io.lrsweep.job.run.RunOptions;
import io.lrsweep.job.run.SweepRunner;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report on the reference learning-rate sweep ({@code conf/learning-rate.json}: plain SGD,
 * lr 1 to 1e-7, 200 epochs, 3 seeds) must tell what the reference study found and what holds up
 * over seeds: the bottom of the U is at 1e-2 or 1e-1; 1e-1, 1e-2 and 1e-3 learn while lr 1
 * oscillates and lrs of 1e-4 and below learn little in 200 epochs; with Keras's clipped loss lr 1
 * does not diverge. The tables are read back with DuckDB.
 */
class LearningRateReferenceTest {

    @Test
    void theReportReproducesTheReferenceFindings(@TempDir Path tmp) throws Exception {
        SparkSession spark = SharedSpark.session();
        Path conf = Path.of("").toAbsolutePath().getParent().resolve("conf/learning-rate.json");
        SweepSpec spec = SweepParser.parse(conf);
        assertEquals(3, spec.seeds().size());
        Dataset data = Blobs.generate((BlobsSpec) spec.dataset());
        Path out = tmp.resolve("learning-rate");
        SweepRunner.run(spark, spec, data, new RunOptions(out.toString(), false, false, 512), RunListener.NONE);
        LrFindJob.run(spark, spec, data, out.toString(), LrFinderSpec.defaults());
        ReportResult report = ReportBuilder.build(spark.sparkContext().hadoopConfiguration(), out.toString());
        ReportEndToEndTest.keep(out);
        assertEquals(1, report.verdict().setups().size(), "one setup: plain SGD");

        try (DuckTables duck = new DuckTables()) {
            List<Map<String, Object>> rows = duck.rows("SELECT * FROM " + DuckTables.parquet(out.resolve("ucurve")));
            assertEquals(1, rows.size());
            Map<String, Object> u = rows.get(0);
            double best = (Double) u.get("best_lr");
            assertTrue(best == 1e-2 || best == 1e-1, "the bottom of the U: " + best);
            assertTrue((Double) u.get("best_lr_ci_low") >= 1e-2 && (Double) u.get("best_lr_ci_high") <= 1e-1,
                    "the bootstrap interval stays at the bottom: " + u);
            assertEquals(0, u.get("diverged_trials"), "the clipped loss keeps lr 1 from diverging");
            assertTrue((Double) u.get("largest_stable_lr") >= 0.1, "stable at least up to 0.1: " + u);
            assertEquals(1e-3, u.get("useful_lr_min"), "1e-3 learns, 1e-4 does not");
            assertEquals(1e-1, u.get("useful_lr_max"), "1e-1 learns, lr 1 oscillates");
            assertTrue((Double) u.get("basin_lr_min") >= 1e-2 && (Double) u.get("basin_lr_max") <= 1e-1, "the basin is the bottom of the U");
            assertTrue((Double) u.get("lr_sensitivity") > 0.0);
            assertEquals(null, u.get("best_lr_at_edge"));
        }
        String html = Files.readString(out.resolve("report/index.html"));
        assertTrue(html.contains("class=\"verdict\""), "the verdict on top");
        assertTrue(html.contains("suggestion vs the grid"), "the range test beside the grid");
        for (String figure : List.of("ucurve.png", "curves_learning_rate.png", "lr_find.png")) {
            assertTrue(Files.exists(out.resolve("report").resolve(figure)) && html.contains("src=\"" + figure + "\""), figure);
        }
    }
}
