package io.lrsweep.job.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lrsweep.core.sweep.RefinedGrid;
import io.lrsweep.core.sweep.Refinement;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.SweepWriter;
import io.lrsweep.job.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code lrsweep refine} and {@code run --refine} on real Spark (local), the tables read back with
 * DuckDB: the rounds are recorded in sweep.json, only the new cells are trained, and every finished
 * trial's row and files stay exactly as they were.
 */
class RefineCommandTest {

    /**
     * 5 decades x 3 seeds = 15 trials of 40 epochs on 600 blobs (a few seconds); a round adds at most
     * 5 lrs (15 trials). Its best, 0.1, is told apart from both neighbours by the paired test.
     */
    static final String SWEEP = """
            { "name": "refine-small",
              "dataset": { "kind": "blobs", "samples": 600 },
              "model": { "hidden": [16] },
              "training": { "epochs": 40, "batch_size": 32 },
              "grid": { "optimizer": ["sgd"], "learning_rate": [1, 0.1, 0.01, 0.001, 0.0001] },
              "seeds": 3 }
            """;

    @TempDir
    Path tmp;

    @Test
    void aRoundRunsOnlyTheNewCellsAndLeavesEveryFinishedTrialAsItWas() throws Exception {
        SharedSpark.session();
        Path sweep = SweepFixtures.write(tmp, "refine.json", SWEEP);
        Path out = tmp.resolve("out");
        Cli run = Cli.run("run", sweep.toString(), "--out", out.toString());
        assertEquals(0, run.status(), run::toString);
        Map<String, String> before = rows(out);
        assertEquals(15, before.size());
        Map<Path, byte[]> files = files(out);

        Cli refine = Cli.run("refine", out.toString(), "--rounds", "1");
        assertEquals(0, refine.status(), refine::toString);
        assertTrue(refine.out().contains("grid     sweep.json's grid (15 trials): every trial finished, none rerun"),
                refine::toString);
        assertTrue(refine.out().contains("finished trials reused, not rerun"), refine::toString);
        assertTrue(refine.out().contains(", 15 finished trials reused, not rerun"), refine::toString);

        JsonNode recorded = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        JsonNode round = recorded.at("/refinement/rounds/0");
        assertEquals(1, round.get("round").intValue());
        assertEquals(1, recorded.at("/refinement/rounds").size());
        List<Double> added = new ArrayList<>();
        round.get("learning_rate").forEach(v -> added.add(v.doubleValue()));
        assertTrue(added.size() >= 4, "four points, and the edge when the best is at one: " + added);
        List<Double> grid = new ArrayList<>();
        recorded.at("/grid/learning_rate").forEach(v -> grid.add(v.doubleValue()));
        assertEquals(List.of(1.0, 0.1, 0.01, 0.001, 0.0001), grid.subList(0, 5), "the sweep file's lrs first");
        assertEquals(added, grid.subList(5, grid.size()), "then the round's");

        Map<String, String> after = rows(out);
        assertEquals(15 + 3 * added.size(), after.size(), "each trial once: the old ones and the new cells");
        assertEquals(15 + 3 * added.size(), count(out, "SELECT count(*) FROM " + parquet(out, "trials")));
        before.forEach((id, row) -> assertEquals(row, after.get(id), "trial " + id + " is unchanged, train_millis included"));
        files.forEach((f, bytes) -> {
            try {
                assertArrayEquals(bytes, Files.readAllBytes(f), f + " is untouched");
            } catch (IOException e) {
                throw new AssertionError(f + " is gone", e);
            }
        });
        assertEquals(3L * added.size(), count(out, "SELECT count(*) FROM " + parquet(out, "trials") + " WHERE learning_rate IN ("
                + String.join(", ", added.stream().map(String::valueOf).toList()) + ")"));

        Map<String, Object> u = ucurve(out);
        assertEquals(1, ((Number) u.get("rounds")).intValue());
        double best = ((Number) u.get("best_lr")).doubleValue();
        assertTrue(u.get("bracket_low") == null || ((Number) u.get("bracket_low")).doubleValue() < best, u::toString);
        assertTrue(u.get("bracket_high") == null || ((Number) u.get("bracket_high")).doubleValue() > best, u::toString);
        String html = Files.readString(out.resolve("report").resolve("index.html"));
        assertTrue(html.contains("refined in 1 round"), "the report names the rounds");
        assertTrue(html.contains("Final bracket, sgd: best lr"), "and the final bracket");
    }

    @Test
    void refineFirstFinishesARecordedRoundWhoseTrialsAreMissing() throws Exception {
        SharedSpark.session();
        Path sweep = SweepFixtures.write(tmp, "refine.json", SWEEP);
        Path out = tmp.resolve("out");
        assertEquals(0, Cli.run("run", sweep.toString(), "--out", out.toString()).status());
        // As a kill right after the round was recorded leaves it: the round in sweep.json, none of its trials run.
        SweepSpec spec = SweepParser.parse(Files.readString(out.resolve("sweep.json")));
        List<Double> lrs = List.of(0.0251, 0.0631, 0.158, 0.398);
        SweepSpec recorded = RefinedGrid.withRound(spec, new Refinement.Round(1, 4, 0.125, lrs,
                List.of(new Refinement.Asked("sgd", 0.1, lrs))));
        Files.writeString(out.resolve("sweep.json"), SweepWriter.toJson(recorded));
        Map<String, String> before = rows(out);

        Cli refine = Cli.run("refine", out.toString(), "--rounds", "1");
        assertEquals(0, refine.status(), refine::toString);
        assertTrue(refine.out().contains("resumed  sweep.json's grid (27 trials, 1 round of refinement): 12 missing trials "
                + "ran (round 1 had been interrupted), 15 finished trials reused"), refine::toString);
        JsonNode after = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        assertEquals("[0.0251,0.0631,0.158,0.398]", after.at("/refinement/rounds/0/learning_rate").toString());
        Map<String, String> rows = rows(out);
        assertEquals(3 * after.at("/grid/learning_rate").size(), rows.size(), "every trial of the grid, once");
        before.forEach((id, row) -> assertEquals(row, rows.get(id), "trial " + id + " is unchanged"));
    }

    @Test
    void runRefineBracketsTheBestAndRecordsEachRound() throws Exception {
        SharedSpark.session();
        Path sweep = SweepFixtures.write(tmp, "refine.json", SWEEP);
        Path out = tmp.resolve("out");
        Cli cli = Cli.run("run", sweep.toString(), "--out", out.toString(), "--refine", "--rounds", "2", "--points", "3");
        assertEquals(0, cli.status(), cli::toString);
        assertTrue(cli.out().contains("refine refine-small: up to 2 rounds of 3 learning rates per setup, to 0.125 decades"),
                cli::toString);
        assertTrue(cli.out().contains("  round 1  sgd: best lr"), cli::toString);
        assertTrue(cli.out().contains("  bracket  sgd: best lr"), cli::toString);
        JsonNode recorded = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        int rounds = recorded.at("/refinement/rounds").size();
        assertTrue(rounds >= 1 && rounds <= 2, recorded::toString);
        int lrs = recorded.at("/grid/learning_rate").size();
        long trials = count(out, "SELECT count(*) FROM " + parquet(out, "trials"));
        assertEquals(3L * lrs, trials);
        assertEquals(trials, count(out, "SELECT count(DISTINCT trial_id) FROM " + parquet(out, "trials")));
        Map<String, Object> u = ucurve(out);
        assertEquals(rounds, ((Number) u.get("rounds")).intValue());
        assertNotNull(u.get("bracket_low"), u::toString);
        assertNotNull(u.get("bracket_high"), u::toString);
        double low = ((Number) u.get("bracket_low")).doubleValue();
        double high = ((Number) u.get("bracket_high")).doubleValue();
        double best = ((Number) u.get("best_lr")).doubleValue();
        assertTrue(low < best && best < high, u::toString);
        assertTrue(Math.log10(high / low) < 2.0, "narrower than the decade grid's bracket: " + u);
        assertTrue(Files.exists(out.resolve("report").resolve("ucurve.png")));
    }

    @Test
    void badRefineInputIsRefusedBeforeAnythingIsWritten() throws Exception {
        SharedSpark.session();
        Cli missing = Cli.run("refine", tmp.resolve("nothing").toString());
        assertEquals(2, missing.status(), missing::toString);
        assertTrue(missing.err().contains("holds no sweep.json"), missing::toString);
        assertFalse(Files.exists(tmp.resolve("nothing")));

        Cli points = Cli.run("refine", tmp.toString(), "--points", "0");
        assertEquals(2, points.status(), points::toString);
        assertTrue(points.err().contains("--points must be an integer in [1, 64], got 0"), points::toString);

        Path sweep = SweepFixtures.write(tmp, "refine.json", SWEEP);
        Cli rounds = Cli.run("run", sweep.toString(), "--out", tmp.resolve("out").toString(), "--rounds", "2");
        assertEquals(2, rounds.status(), rounds::toString);
        assertTrue(rounds.err().contains("--rounds, --points and --resolution go with --refine"), rounds::toString);
        assertFalse(Files.exists(tmp.resolve("out")));

        Path noAxis = SweepFixtures.write(tmp, "defaults.json", "{ \"name\": \"defaults\", \"grid\": { \"optimizer\": [\"sgd\"] } }");
        Cli none = Cli.run("run", noAxis.toString(), "--out", tmp.resolve("out").toString(), "--refine");
        assertEquals(2, none.status(), none::toString);
        assertTrue(none.err().contains("has no grid.learning_rate"), none::toString);
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    static String parquet(Path out, String table) {
        return "read_parquet('" + out.resolve(table).toAbsolutePath().toString().replace("'", "''") + "/*.parquet')";
    }

    static long count(Path out, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Every trials/ row as DuckDB reads it, every column, by trial id. */
    static Map<String, String> rows(Path out) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM " + parquet(out, "trials"))) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = r.getMetaData().getColumnName(i + 1) + "=" + r.getObject(i + 1);
                }
                String twin = rows.put(r.getString("trial_id"), Arrays.toString(row));
                assertEquals(null, twin, "trial " + r.getString("trial_id") + " twice in trials/");
            }
        }
        return rows;
    }

    static Map<String, Object> ucurve(Path out) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM " + parquet(out, "ucurve"))) {
            assertTrue(r.next());
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                row.put(r.getMetaData().getColumnName(i), r.getObject(i));
            }
            return row;
        }
    }

    /** The Parquet files of trials/ and curves/ with their bytes. */
    static Map<Path, byte[]> files(Path out) throws IOException {
        Map<Path, byte[]> files = new HashMap<>();
        for (String table : List.of("trials", "curves")) {
            try (Stream<Path> s = Files.walk(out.resolve(table))) {
                for (Path f : s.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                    files.put(f, Files.readAllBytes(f));
                }
            }
        }
        assertFalse(files.isEmpty());
        return files;
    }
}
