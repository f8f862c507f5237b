package io.lrsweep.job.cli;

import io.lrsweep.job.SharedSpark;
import io.lrsweep.job.analysis.Labels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The case end to end, through the command line: adam on the reference blobs with learning
 * rates up to 1 for 30 epochs. At lr 1 the clipped loss freezes the net while rows are still wrong:
 * those trials are {@code saturated}, the U-curve marks them, the verdict says where stability ends
 * and {@code largest_stable_lr} is below 1. The report page is then checked as a browser would
 * show it (every figure referenced decodes at the size the page gives it, none wider than the page)
 * and the verdict's numbers against the tables, read back with DuckDB.
 */
class SaturatedSweepTest {
    static final String SWEEP = """
            { "name": "adam-saturates", "dataset": { "kind": "blobs" },
              "training": { "epochs": 30, "batch_size": 32 },
              "grid": { "optimizer": ["adam"], "learning_rate": [1, 0.1, 0.01, 0.001] },
              "seeds": 3 }
            """;

    @TempDir
    static Path tmp;
    static Path out;
    static Cli run;

    @BeforeAll
    static void runTheSweep() throws Exception {
        SharedSpark.session();
        Path sweep = SweepFixtures.write(tmp, "adam.json", SWEEP);
        out = tmp.resolve("adam");
        run = Cli.run("run", sweep.toString(), "--out", out.toString());
        assertEquals(0, run.status(), run::toString);
    }

    @Test
    void adamAtLrOneSaturatesAndTheAnswerSaysSo() throws Exception {
        List<Map<String, Object>> lrOne = duck("SELECT status FROM " + parquet("trials") + " WHERE learning_rate = 1");
        assertEquals(3, lrOne.size());
        lrOne.forEach(r -> assertEquals("saturated", r.get("status"), "a frozen net is not a success"));
        Map<String, Object> u = duck("SELECT * FROM " + parquet("ucurve")).get(0);
        double stable = (Double) u.get("largest_stable_lr");
        assertTrue(stable < 1.0, "largest_stable_lr is below 1: " + u);
        assertEquals(3, u.get("saturated_trials"));
        assertFalse(u.get("best_lr").equals(1.0));
        Map<String, Object> sensitivityAtOne = duck("SELECT * FROM " + parquet("sensitivity")
                + " WHERE slice = 'profile' AND learning_rate = 1").get(0);
        assertEquals(3, sensitivityAtOne.get("saturated"));
        assertEquals(Boolean.FALSE, sensitivityAtOne.get("indistinguishable"), "never tied with the best");
        // The console says it in words, numbers as people write them, paths without file:.
        assertTrue(run.out().contains("  setup    adam: use lr "), run::toString);
        assertTrue(run.out().contains("stable up to " + Labels.num(stable) + ", " + u.get("unstable_above") + " above"), run::toString);
        assertTrue(run.out().contains("saturated 3"), run::toString);
        assertFalse(run.out().contains("file:"), run::toString);
        assertFalse(Pattern.compile("\\d\\.\\d{6,}").matcher(run.out()).find(), "no long numbers: " + run.out());
        assertTrue(run.out().matches("(?s).*\\(\\d+ figures?\\).*"), run::toString);
    }

    @Test
    void thePageShowsEveryFigureAtItsSizeAndTheVerdictMatchesTheTables() throws Exception {
        Path report = out.resolve("report");
        String html = Files.readString(report.resolve("index.html"));
        Matcher img = Pattern.compile("<img src=\"([^\"]+)\" alt=\"[^\"]*\" width=\"(\\d+)\" height=\"(\\d+)\">").matcher(html);
        int figures = 0;
        while (img.find()) {
            BufferedImage image = ImageIO.read(report.resolve(img.group(1)).toFile());
            assertNotNull(image, img.group(1) + " decodes");
            assertEquals(Integer.parseInt(img.group(2)), image.getWidth(), img.group(1));
            assertEquals(Integer.parseInt(img.group(3)), image.getHeight(), img.group(1));
            assertTrue(image.getWidth() <= 1160, img.group(1) + " is never shown scaled down");
            figures++;
        }
        assertTrue(figures >= 2, "the U-curve and the curves: " + figures);
        try (var files = Files.list(report)) {
            assertEquals(figures + 1, files.count(), "every PNG is on the page");
        }
        assertTrue(html.indexOf("class=\"verdict\"") < html.indexOf("<figure>"), "the verdict comes first");

        Map<String, Object> u = duck("SELECT * FROM " + parquet("ucurve")).get(0);
        String ties = u.get("indistinguishable_lrs") == null ? "ties untested (fewer than 3 seeds)"
                : (Integer) u.get("indistinguishable_lrs") == 0 ? "no other lr indistinguishable"
                : u.get("indistinguishable_lrs") + " other lr" + ((Integer) u.get("indistinguishable_lrs") == 1 ? "" : "s")
                + " indistinguishable (" + u.get("indistinguishable_lr_values") + ")";
        Double lo = (Double) u.get("basin_lr_min");
        Double hi = (Double) u.get("basin_lr_max");
        String expected = "adam: use lr " + Labels.num((Double) u.get("best_lr"))
                + ", basin " + (lo.equals(hi) ? Labels.num(lo) : Labels.num(lo) + " to " + Labels.num(hi))
                + ", " + ties + ", stable up to " + Labels.num((Double) u.get("largest_stable_lr"))
                + ", " + u.get("unstable_above") + " above, sensitivity " + Labels.sig((Double) u.get("lr_sensitivity"), 3);
        Matcher setups = Pattern.compile("<ul class=\"setups\">\\n<li>([^<]*)</li>").matcher(html);
        assertTrue(setups.find(), html);
        assertEquals(expected, setups.group(1).replace("&#39;", "'"));
    }

    static String parquet(String table) {
        return "read_parquet('" + out.resolve(table) + "/*.parquet')";
    }

    static List<Map<String, Object>> duck(String sql) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData m = r.getMetaData();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= m.getColumnCount(); i++) {
                    row.put(m.getColumnName(i), r.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
