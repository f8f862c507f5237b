package io.lrsweep.job.table;

import io.lrsweep.job.SharedSpark;
import io.lrsweep.job.run.TrialRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The direct readers against Spark's own reading of the same stored tables, and the writer's
 * files read back by DuckDB and Spark: engines that share no code with parquet-mr's record API.
 */
class TablesTest {

    @ParameterizedTest
    @ValueSource(strings = {"fixture-lr-momentum", "fixture-optimizers", "fixture-hand-made"})
    void trialsReadAsSparkReadsThem(String fixture) {
        SweepDirectory dir = new SweepDirectory(new Configuration(), Fixtures.dir(fixture).toString());
        List<TrialRow> direct = new ArrayList<>(TrialsTable.read(dir));
        List<TrialRow> spark = new ArrayList<>(SharedSpark.session().read().parquet(dir.uri("trials")).collectAsList()
                .stream().map(TrialRow::fromRow).toList());
        direct.sort(Comparator.comparing(TrialRow::trialId));
        spark.sort(Comparator.comparing(TrialRow::trialId));
        assertTrue(direct.size() >= 30, "a real table: " + direct.size());
        assertEquals(spark, direct);
    }

    @Test
    void theTrialsColumnsReadAreThoseTheRunWrites() {
        assertEquals(java.util.Arrays.asList(io.lrsweep.job.run.Schemas.TRIALS.fieldNames()), TrialsTable.COLUMNS);
    }

    @Test
    void curvesStreamEveryRowWithItsValues() {
        SweepDirectory dir = new SweepDirectory(new Configuration(), Fixtures.dir("fixture-lr-momentum").toString());
        Map<String, CurvePoint> direct = new HashMap<>();
        int[] epochZero = {0};
        CurvesTable.read(dir, p -> {
            direct.put(p.trialId() + "/" + p.epoch(), p);
            epochZero[0] += p.epoch() == 0 ? 1 : 0;
        });
        List<Row> rows = SharedSpark.session().read().parquet(dir.uri("curves")).collectAsList();
        assertEquals(rows.size(), direct.size());
        assertEquals(36, epochZero[0], "one epoch 0 per trial");
        for (Row r : rows) {
            CurvePoint p = direct.get(r.getAs("trial_id") + "/" + r.getAs("epoch"));
            assertEquals(r.<Double>getAs("val_loss"), p.valLoss());
            assertEquals(r.<Double>getAs("accuracy"), p.accuracy());
            assertEquals(r.<Double>getAs("lr"), p.lr());
            Object g = r.getAs("grad_norm");
            assertEquals(g == null ? Double.NaN : (Double) g, p.gradNorm());
        }
    }

    @Test
    void aMissingColumnIsNamed(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("trials"));
        TableSchema schema = TableSchema.builder("trials").string("trial_id").build();
        Files.write(tmp.resolve("trials/part-0.parquet"), ParquetTableWriter.write(schema,
                List.of(schema.row().set("trial_id", "x"))));
        SweepDirectory dir = new SweepDirectory(new Configuration(), tmp.toString());
        TableException e = assertThrows(TableException.class, () -> TrialsTable.read(dir));
        assertTrue(e.getMessage().contains("has no column sweep") && e.getMessage().contains("part-0.parquet"), e.getMessage());
    }

    @Test
    void writtenTablesReadBackInDuckDbAndSpark(@TempDir Path tmp) throws Exception {
        TableSchema schema = TableSchema.builder("t").string("name").number("x").integer("n").longInteger("big")
                .bool("flag").build();
        List<TableSchema.Row> rows = List.of(
                schema.row().set("name", "a").set("x", 0.1).set("n", 3).set("big", 1L << 40).set("flag", true),
                schema.row().set("name", "b, with a comma").set("x", null).set("n", null));
        SweepDirectory dir = new SweepDirectory(new Configuration(), tmp.toString());
        dir.replaceTable("t", ParquetTableWriter.write(schema, rows));
        dir.replaceTable("t", ParquetTableWriter.write(schema, rows));
        try (var files = Files.list(tmp.resolve("t"))) {
            assertEquals(List.of("part-00000-lrsweep.parquet"), files.map(f -> f.getFileName().toString()).toList(),
                    "one file, no checksum beside it, nothing left of the first write");
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT name, x, n, big, flag, typeof(x), typeof(n), typeof(name) FROM read_parquet('"
                     + tmp.resolve("t") + "/*.parquet') ORDER BY name")) {
            r.next();
            assertEquals("a", r.getString(1));
            assertEquals(0.1, r.getDouble(2));
            assertEquals(3, r.getInt(3));
            assertEquals(1L << 40, r.getLong(4));
            assertTrue(r.getBoolean(5));
            assertEquals(List.of("DOUBLE", "INTEGER", "VARCHAR"), List.of(r.getString(6), r.getString(7), r.getString(8)));
            r.next();
            assertEquals("b, with a comma", r.getString(1));
            r.getDouble(2);
            assertTrue(r.wasNull());
        }
        List<Row> spark = SharedSpark.session().read().parquet(dir.uri("t")).orderBy("name").collectAsList();
        assertEquals(2, spark.size());
        assertEquals(0.1, spark.get(0).<Double>getAs("x"));
        assertNull(spark.get(1).getAs("n"));
    }
}
