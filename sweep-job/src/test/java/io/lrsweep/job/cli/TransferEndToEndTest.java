package io.lrsweep.job.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lrsweep.job.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * conf/transfer.json, reduced to run in seconds (widths 8 and 32, batch sizes 32 and 128, three
 * learning rates, 4 epochs, 2 seeds: 24 trials), run through the command line: the run writes
 * {@code transfer/} and {@code tuning_cost/} beside the other tables and draws their figures; the
 * tables are read back with DuckDB.
 */
class TransferEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void transferJsonWritesTheTransferAndTuningCostTablesAndFigures() throws Exception {
        SharedSpark.session();
        ObjectMapper json = new ObjectMapper();
        ObjectNode sweep = (ObjectNode) json.readTree(Path.of("..", "conf", "transfer.json").toFile());
        ((ObjectNode) sweep.get("training")).put("epochs", 4);
        ObjectNode grid = (ObjectNode) sweep.get("grid");
        grid.set("hidden", json.readTree("[[8], [32]]"));
        grid.set("batch_size", json.readTree("[32, 128]"));
        grid.set("learning_rate", json.readTree("[1, 0.1, 0.01]"));
        sweep.put("seeds", 2);
        Path file = dir.resolve("transfer-small.json");
        json.writeValue(file.toFile(), sweep);
        Path out = dir.resolve("out");
        Cli cli = Cli.run("run", file.toString(), "--out", out.toString());
        assertEquals(0, cli.status(), cli::toString);

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            String transfer = parquet(out.resolve("transfer"));
            Map<String, Long> perAxis = new HashMap<>();
            for (Object[] r : rows(duck, "SELECT axis, count(*) FROM " + transfer + " GROUP BY axis")) {
                perAxis.put((String) r[0], ((Number) r[1]).longValue());
            }
            // 2 setups x 2 values for batch size and width; 4 setups x budgets 1, 2, 4, 8 for epochs
            assertEquals(Map.of("batch_size", 4L, "width", 4L, "epochs", 12L), perAxis);
            Set<Double> lrs = Set.of(1.0, 0.1, 0.01);
            for (Object[] r : rows(duck, "SELECT axis, setup, axis_value, best_lr, best_lr_low, best_lr_high, exponent, "
                    + "exponent_low, exponent_high, fit_points, batch_size, hidden FROM " + transfer)) {
                String where = r[0] + " " + r[1] + " at " + r[2];
                if (r[3] != null) {
                    double best = (Double) r[3];
                    assertTrue(lrs.contains(best), where);
                    assertTrue((Double) r[4] <= best && best <= (Double) r[5], where + ": interval around the best lr");
                }
                if (r[6] != null) {
                    assertTrue((Double) r[7] <= (Double) r[6] + 1e-12 && (Double) r[6] <= (Double) r[8] + 1e-12,
                            where + ": exponent inside its interval");
                    assertTrue(((Number) r[9]).intValue() >= 2, where + ": a fit through at least two best lrs");
                }
                if (r[0].equals("batch_size")) {
                    assertEquals(((Double) r[2]).intValue(), r[10], "the batch_size column holds the row's value");
                }
                if (r[0].equals("width")) {
                    assertEquals("[" + ((Double) r[2]).intValue() + "]", r[11], "the hidden column holds the row's value");
                }
            }
            assertEquals(1L, ((Number) rows(duck, "SELECT count(DISTINCT exponent) FROM " + transfer
                    + " WHERE axis = 'batch_size' AND setup = (SELECT min(setup) FROM " + transfer
                    + " WHERE axis = 'batch_size')").get(0)[0]).longValue(), "one exponent per setup and axis");

            String tuning = parquet(out.resolve("tuning_cost"));
            List<Object[]> ks = rows(duck, "SELECT k, expected_best, best_value, grid_points FROM " + tuning + " ORDER BY k");
            assertEquals(12, ks.size(), "hidden 2 x batch 2 x lr 3 grid points of sgd");
            for (int i = 0; i < ks.size(); i++) {
                assertEquals(i + 1, ((Number) ks.get(i)[0]).intValue());
                if (i > 0) {
                    assertTrue((Double) ks.get(i)[1] <= (Double) ks.get(i - 1)[1] + 1e-12, "more tries never expect worse");
                }
            }
            assertEquals((Double) ks.get(11)[2], (Double) ks.get(11)[1], 1e-12, "all points: the best");
        }
        for (String f : List.of("transfer_batch_size.png", "transfer_width.png", "transfer_epochs.png",
                "transfer_batch_size_heatmap_1.png", "transfer_width_sensitivity.png", "tuning_cost.png")) {
            assertTrue(Files.size(out.resolve("report").resolve(f)) > 1000, f);
        }
        String html = Files.readString(out.resolve("report").resolve("index.html"));
        assertTrue(html.contains("transfer_width.png") && html.contains("tuning_cost.png"), "the report shows them");
        assertNotNull(cli.out());
    }

    private static String parquet(Path table) {
        return "read_parquet('" + table.toAbsolutePath().toString().replace("'", "''") + "/*.parquet')";
    }

    private static List<Object[]> rows(Connection c, String sql) throws Exception {
        List<Object[]> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = r.getObject(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }
}
