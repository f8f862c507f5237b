package io.lrsweep.job.cluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A sweep's {@code curves/} and {@code trials/} read back with DuckDB, an engine that shares no code
 * with Spark: exactly-once checks and a row-by-row comparison of two outputs.
 */
final class SweepTables implements AutoCloseable {

    private final Connection duck;

    SweepTables() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    static String curves(Path out) {
        return table(out.resolve("curves"));
    }

    static String trials(Path out) {
        return table(out.resolve("trials"));
    }

    private static String table(Path dir) {
        return "read_parquet('" + dir.toAbsolutePath().toString().replace("'", "''") + "/*.parquet')";
    }

    long count(String sql) throws SQLException {
        try (Statement s = duck.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Every trial id once in {@code trials/}, every (trial_id, epoch) once in {@code curves/}, and
     * each trial's curve exactly as long as its row says.
     */
    void assertEveryTrialOnce(Path out, int trials) throws SQLException {
        assertEquals(trials, count("SELECT count(*) FROM " + trials(out)), "rows in trials/");
        assertEquals(trials, count("SELECT count(DISTINCT trial_id) FROM " + trials(out)), "distinct trial ids in trials/");
        long curveRows = count("SELECT count(*) FROM " + curves(out));
        assertEquals(curveRows, count("SELECT count(*) FROM (SELECT DISTINCT trial_id, epoch FROM " + curves(out) + ")"),
                "no (trial_id, epoch) twice in curves/");
        assertEquals(0, count("SELECT count(*) FROM " + trials(out) + " t FULL JOIN (SELECT trial_id, count(*) AS n FROM "
                + curves(out) + " GROUP BY trial_id) c USING (trial_id) WHERE coalesce(CASE WHEN t.initial_loss IS NULL THEN t.epochs_completed ELSE t.epochs_completed + 1 END, -1)"
                + " <> coalesce(c.n, 0)"),
                "each trial's curve has epochs_completed rows after its epoch 0, and every curve belongs to a trial");
    }

    /**
     * Rows of one output missing from the other, both ways, duplicates counted ({@code EXCEPT ALL}),
     * over every column but {@code train_millis} (wall time): 0 when the outputs are the same.
     */
    long differences(Path a, Path b) throws SQLException {
        long diff = 0;
        for (String table : List.of("curves", "trials")) {
            String columns = String.join(", ", columns(a.resolve(table)));
            String left = "SELECT " + columns + " FROM " + table(a.resolve(table));
            String right = "SELECT " + columns + " FROM " + table(b.resolve(table));
            diff += count("SELECT count(*) FROM (" + left + " EXCEPT ALL " + right + ")");
            diff += count("SELECT count(*) FROM (" + right + " EXCEPT ALL " + left + ")");
        }
        return diff;
    }

    private List<String> columns(Path dir) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement s = duck.createStatement(); ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + table(dir))) {
            while (r.next()) {
                String name = r.getString("column_name");
                if (!name.equals("train_millis")) {
                    columns.add(name);
                }
            }
        }
        return columns;
    }

    @Override
    public void close() throws SQLException {
        duck.close();
    }
}
