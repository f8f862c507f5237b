package io.lrsweep.job.report;

import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.lrfind.LrFinderSpec;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.SharedSpark;
import io.lrsweep.job.analysis.Analysis;
import io.lrsweep.job.analysis.UCurveSummary;
import io.lrsweep.job.lrfind.LrFindJob;
import io.lrsweep.job.run.RunListener;
import io.lrsweep.job.run.RunOptions;
import io.lrsweep.job.run.SweepRunner;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report on the reference learning-rate sweep ({@code conf/learning-rate.json}: plain SGD,
 * lr 1 to 1e-7, 200 epochs, 3 seeds) must tell what the reference study found and what holds up
 * over seeds: the bottom of the U is at 1e-2 or 1e-1; 1e-1, 1e-2 and 1e-3 learn while lr 1
 * oscillates and lrs of 1e-4 and below learn nothing in 200 epochs; and with Keras's clipped loss
 * lr 1 does not diverge.
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
        ReportResult report = ReportBuilder.build(spark, out.toString());
        ReportEndToEndTest.keep(out);
        assertEquals(1, report.highlights().size());

        List<Row> rows = spark.read().parquet(out.resolve(Analysis.UCURVE).toString()).collectAsList();
        assertEquals(1, rows.size(), "one setup: plain SGD");
        UCurveSummary u = UCurveSummary.of(rows.get(0));
        assertTrue(u.bestLr() == 1e-2 || u.bestLr() == 1e-1, "the bottom of the U: " + u.bestLr());
        assertTrue(u.bestLrLow() >= 1e-2 && u.bestLrHigh() <= 1e-1, "the bootstrap interval stays at the bottom: "
                + u.bestLrLow() + " to " + u.bestLrHigh());
        assertEquals(0, u.divergedTrials(), "the clipped loss keeps lr 1 from diverging");
        assertEquals(1.0, u.maxStableLr(), "so the largest never-diverged lr is 1");
        assertEquals(1e-3, u.usefulLrMin(), "1e-3 learns, 1e-4 does not");
        assertEquals(1e-1, u.usefulLrMax(), "1e-1 learns, lr 1 oscillates");
        assertTrue(u.basinLrMin() >= 1e-2 && u.basinLrMax() <= 1e-1, "the basin is the bottom of the U");
        assertTrue(u.lrSensitivity() > 0.0);
        String html = Files.readString(out.resolve("report/index.html"));
        assertTrue(html.contains("LR sensitivity") && html.contains("decades apart"), "the summary and the range test beside the grid");
        for (String figure : List.of("ucurve.png", "curves_learning_rate.png", "lr_find.png")) {
            assertTrue(Files.exists(out.resolve("report").resolve(figure)) && html.contains("src=\"" + figure + "\""), figure);
        }
    }
}
