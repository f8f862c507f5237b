package io.lrsweep.job.report;

import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.lrfind.LrFinderSpec;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.SharedSpark;
import io.lrsweep.job.lrfind.LrFindJob;
import io.lrsweep.job.lrfind.LrFindSummary;
import io.lrsweep.job.run.RunListener;
import io.lrsweep.job.run.RunOptions;
import io.lrsweep.job.run.SweepRunner;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small sweep over three axes, its range test and its report, on real Spark: the tables exist
 * and read back with DuckDB, every figure exists, decodes as a PNG of the expected size and is
 * referenced by index.html. Set {@code -Dlrsweep.keepReport=DIR} to keep the output for viewing.
 */
class ReportEndToEndTest {

    static final String SWEEP = """
            { "name": "report-small",
              "dataset": { "kind": "blobs" },
              "training": { "epochs": 15, "batch_size": 32 },
              "grid": { "optimizer": ["sgd"], "learning_rate": [1, 0.1, 0.01, 0.001],
                        "momentum": [0.0, 0.9], "decay": [0.0, 0.01] },
              "seeds": 2 }
            """;

    @Test
    void aSmallSweepGetsEveryTableAndFigure(@TempDir Path tmp) throws Exception {
        SparkSession spark = SharedSpark.session();
        SweepSpec spec = SweepParser.parse(SWEEP);
        Dataset data = Blobs.generate((BlobsSpec) spec.dataset());
        Path out = tmp.resolve("report-small");
        SweepRunner.run(spark, spec, data, new RunOptions(out.toString(), false, false, 512), RunListener.NONE);
        LrFindSummary lrFind = LrFindJob.run(spark, spec, data, out.toString(), LrFinderSpec.defaults());
        assertEquals(2 * 2, lrFind.tests(), "two momenta x two seeds");
        assertEquals(2, lrFind.suggestions().size());

        ReportResult report = ReportBuilder.build(spark.sparkContext().hadoopConfiguration(), out.toString());
        keep(out);

        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("ucurve.png", new int[]{UCurveChart.WIDTH, UCurveChart.HEIGHT});
        expected.put("curves_learning_rate.png", new int[]{PanelGrid.width(4), PanelGrid.height(4)});
        expected.put("curves_momentum.png", new int[]{PanelGrid.width(2), PanelGrid.height(2)});
        expected.put("curves_decay.png", new int[]{PanelGrid.width(2), PanelGrid.height(2)});
        expected.put("lr_decay.png", new int[]{1000, 620});
        expected.put("heatmap_learning_rate_momentum.png", new int[]{760, 520});
        expected.put("heatmap_learning_rate_decay.png", new int[]{760, 520});
        // transfer: momentum (2 values) and the epoch budget (1, 2, 4, 8, 15); tuning cost: sgd's 16 grid points
        expected.put("transfer_momentum.png", new int[]{960, 600});
        expected.put("transfer_momentum_heatmap_1.png", new int[]{760, 520});
        expected.put("transfer_momentum_sensitivity.png", new int[]{960, 560});
        expected.put("transfer_epochs.png", new int[]{960, 600});
        expected.put("transfer_epochs_heatmap_1.png", new int[]{760, 520});
        expected.put("transfer_epochs_sensitivity.png", new int[]{960, 560});
        expected.put("tuning_cost.png", new int[]{960, 560});
        expected.put("lr_find.png", new int[]{1000, 640});
        Path dir = out.resolve("report");
        String html = Files.readString(dir.resolve("index.html"));
        for (var e : expected.entrySet()) {
            Path png = dir.resolve(e.getKey());
            assertTrue(Files.exists(png), e.getKey() + " exists");
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, e.getKey() + " decodes as an image");
            assertEquals(e.getValue()[0], image.getWidth(), e.getKey() + " width");
            assertEquals(e.getValue()[1], image.getHeight(), e.getKey() + " height");
            assertTrue(image.getWidth() <= ChartStyle.MAX_WIDTH, e.getKey() + " fits the page: never shown scaled down");
            assertTrue(html.contains("src=\"" + e.getKey() + "\""), "index.html shows " + e.getKey());
        }
        assertEquals(expected.size(), report.figures().size(), "no figure beyond the expected: " + report.figures());
        for (java.awt.Font f : new java.awt.Font[]{ChartStyle.TITLE, ChartStyle.SUBTITLE, ChartStyle.LABEL, ChartStyle.TICK,
                ChartStyle.SMALL, ChartStyle.CELL_TITLE}) {
            assertTrue(f.getSize() >= ChartStyle.MIN_FONT, "no text below " + ChartStyle.MIN_FONT + " px: " + f);
        }
        try (var files = Files.list(dir)) {
            assertEquals(expected.size() + 1, files.count(), "the figures and index.html, nothing else");
        }
        assertTrue(html.contains("Learning-rate range test") && html.contains("suggestion vs the grid"), "the range test sits beside the grid");

        try (DuckTables duck = new DuckTables()) {
            // Setup slices: lr: 4 setups (momentum x decay) x 4 lrs; momentum: 8 setups x 2; decay: 8 setups x 2.
            // Profiles: a row per value of each axis (4 + 2 + 2).
            String sensitivity = DuckTables.parquet(out.resolve("sensitivity"));
            assertEquals(16 + 16 + 16, duck.count("SELECT count(*) FROM " + sensitivity + " WHERE slice = 'setup'"));
            assertEquals(4 + 2 + 2, duck.count("SELECT count(*) FROM " + sensitivity + " WHERE slice = 'profile'"));
            assertEquals(8, duck.count("SELECT count(*) FROM " + sensitivity + " WHERE slice = 'profile' AND "
                    + "profile_learning_rate = learning_rate AND metric = 'val_loss'"), "a profile names its learning rate");
            assertEquals(4, duck.count("SELECT count(*) FROM " + DuckTables.parquet(out.resolve("ucurve"))));
            assertEquals(4, duck.count("SELECT count(*) FROM " + DuckTables.parquet(out.resolve("lr_find/summary"))));
            assertTrue(duck.count("SELECT count(*) FROM " + DuckTables.parquet(out.resolve("lr_find/curve"))) > 4 * 10);
            assertTrue(duck.columns(out.resolve("ucurve")).contains("lr_sensitivity"));
            String transfer = DuckTables.parquet(out.resolve("transfer"));
            assertEquals(2 * 2, duck.count("SELECT count(*) FROM " + transfer + " WHERE axis = 'momentum'"), "decay 0, 0.01 x 2 momenta");
            assertEquals(4 * 5, duck.count("SELECT count(*) FROM " + transfer + " WHERE axis = 'epochs'"), "4 setups x 5 budgets");
            assertEquals(16, duck.count("SELECT count(*) FROM " + DuckTables.parquet(out.resolve("tuning_cost"))), "k = 1..16");
            assertEquals(0, duck.count("SELECT count(*) FROM " + DuckTables.parquet(out.resolve("ucurve"))
                    + " WHERE lr_sensitivity IS NULL OR best_lr IS NULL"), "the initial loss was computed for every seed");
        }
    }

    /** Copies the output directory into {@code -Dlrsweep.keepReport=DIR}, when set, for looking at the figures. */
    static void keep(Path out) throws Exception {
        String keep = System.getProperty("lrsweep.keepReport");
        if (keep == null) {
            return;
        }
        Path target = Path.of(keep).resolve(out.getFileName().toString());
        try (var files = Files.walk(out)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(out.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
