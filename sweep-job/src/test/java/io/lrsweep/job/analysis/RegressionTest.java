package io.lrsweep.job.analysis;

import io.lrsweep.job.run.TrialRow;
import io.lrsweep.job.table.CurvesTable;
import io.lrsweep.job.table.Fixtures;
import io.lrsweep.job.table.SweepDirectory;
import io.lrsweep.job.table.TrialsTable;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Java analysis against the Spark SQL analysis it replaced, on stored sweep outputs
 * ({@code analysis-regression/}: trials/ and curves/ of four sweeps, and in {@code expected/} what the
 * Spark SQL analysis wrote for them, made before it was deleted). The new tables are read back with
 * DuckDB. Every column whose meaning issue 11 kept must be reproduced:
 * <ul>
 *   <li>compared everywhere: counts (trials, seeds, diverged, failed, first divergence, setup size),
 *       target, and every mean, sd, min and max over seeds (the old analysis averaged the trials its
 *       engine called ok, which were all the finite ones; the new one averages every finished trial
 *       (ok, stalled, saturated): the same trials), epochs to target and best val_accuracy from the
 *       curves, and in ucurve/ the initial loss and accuracy and the LR sensitivity;</li>
 *   <li>{@code ok}: the old count of finite trials is the new ok + stalled + saturated;</li>
 *   <li>compared where no trial is stalled or saturated (there the old and new "every seed ok" agree):
 *       the rank, the best lr with its bootstrap interval and values, the basin, the useful region and
 *       the quadratic fit (whose status now says "all-ok" where it said "divergence-free");</li>
 *   <li>compared where every trial has an epoch 0: the mean initial val_loss (the old analysis rebuilt
 *       a seed's initial net, so it had one for a trial that failed before its first epoch; the new
 *       one reads what each trial recorded).</li>
 * </ul>
 * Changed meaning, not compared: the 95% intervals of the means (Student's t, now a seed bootstrap
 * that stays positive), {@code max_stable_lr} (replaced by {@code largest_stable_lr}: ok, not merely
 * "not diverged"), {@code fit_loss} (now {@code fit_value}, in the metric's units), and the labels
 * {@code setup} and {@code axis_value} (now naming only the axes that vary).
 */
class RegressionTest {

    static final List<String> SETTING = List.of("optimizer", "learning_rate", "momentum", "decay", "patience");
    static final List<String> EXACT = List.of("trials", "seeds", "diverged", "failed", "first_divergence_epoch",
            "setup_size", "axis_number", "target_accuracy", "reached_target");
    static final List<String> STATS = statColumns();
    static final List<String> U_ALWAYS = List.of("lrs", "seeds", "trials", "diverged_trials", "failed_trials",
            "bootstrap_resamples", "basin_tolerance", "useful_fraction", "init_val_loss", "init_val_accuracy", "lr_sensitivity");
    static final List<String> U_IF_OK = List.of("best_lr", "best_final_val_loss", "best_best_val_loss", "best_lr_ci_low",
            "best_lr_ci_high", "best_lr_support", "basin_lr_min", "basin_lr_max", "basin_decades", "useful_lr_min",
            "useful_lr_max", "fit_status", "fit_points", "fit_lr", "fit_curvature");

    static List<String> statColumns() {
        List<String> out = new ArrayList<>();
        for (String m : List.of("final_val_loss", "best_val_loss", "final_val_accuracy", "best_val_accuracy")) {
            for (String s : List.of("mean", "std", "min", "max")) {
                out.add(m + "_" + s);
            }
        }
        out.addAll(List.of("final_loss_mean", "final_accuracy_mean", "epochs_to_target_mean", "epochs_to_target_min",
                "epochs_to_target_max"));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixture-lr-momentum", "fixture-optimizers", "fixture-defaults", "fixture-hand-made"})
    void theJavaAnalysisReproducesTheSparkSqlOne(String fixture, @TempDir Path tmp) throws Exception {
        Path in = Fixtures.dir(fixture);
        SweepDirectory dir = new SweepDirectory(new Configuration(), in.toString());
        List<TrialRow> trials = TrialsTable.read(dir);
        AnalysisResult r = Analysis.run(trials, p -> CurvesTable.read(dir, p), AnalysisOptions.defaults(), k -> Set.of());
        Analysis.write(r, new SweepDirectory(new Configuration(), tmp.toString()));

        Set<String> unsure = new HashSet<>();
        Set<String> noEpochZero = new HashSet<>();
        for (TrialRow t : trials) {
            if (t.status().equals("stalled") || t.status().equals("saturated")) {
                unsure.add(t.optimizer() + "|" + t.momentum() + "|" + t.decay() + "|" + t.patience());
            }
            if (t.initialValLoss() == null) {
                noEpochZero.add(ExpectedTable.key(settingOf(t), SETTING));
            }
        }
        List<Map<String, Object>> sensitivity = duck(tmp.resolve("sensitivity"), "slice = 'setup'");
        ExpectedTable expected = ExpectedTable.read(in.resolve("expected/sensitivity.tsv"));
        assertEquals(expected.rows().size(), sensitivity.size(), "the same setup rows");
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        for (Map<String, Object> row : sensitivity) {
            byKey.put(row.get("axis") + "|" + ExpectedTable.key(row, SETTING), row);
        }
        Map<String, Boolean> sliceUnsure = new HashMap<>();
        for (Map<String, Object> row : sensitivity) {
            String slice = row.get("axis") + "|" + row.get("setup");
            boolean u = ((Number) row.get("stalled")).intValue() + ((Number) row.get("saturated")).intValue() > 0;
            sliceUnsure.merge(slice, u, Boolean::logicalOr);
        }
        int ranks = 0;
        for (Map<String, String> old : expected.rows()) {
            String key = old.get("axis") + "|" + ExpectedTable.key(old, SETTING);
            Map<String, Object> now = byKey.get(key);
            if (now == null) {
                fail("no new row for " + key);
            }
            for (String c : EXACT) {
                same(key, c, old.get(c), now.get(c), 0.0);
            }
            for (String c : STATS) {
                same(key, c, old.get(c), now.get(c), c.endsWith("_std") ? 1e-9 : 1e-12);
            }
            int finished = ((Number) now.get("ok")).intValue() + ((Number) now.get("stalled")).intValue()
                    + ((Number) now.get("saturated")).intValue();
            assertEquals(Integer.parseInt(old.get("ok")), finished, key + ": old ok = finished");
            if (!noEpochZero.contains(ExpectedTable.key(old, SETTING))) {
                same(key, "init_val_loss_mean", old.get("init_val_loss_mean"), now.get("init_val_loss_mean"), 1e-12);
            }
            if (!sliceUnsure.get(now.get("axis") + "|" + now.get("setup"))) {
                same(key, "rank", old.get("rank"), now.get("rank"), 0.0);
                ranks++;
            }
        }
        assertTrue(expected.rows().isEmpty() || ranks > 0, "some ranks were compared");

        List<Map<String, Object>> ucurve = duck(tmp.resolve("ucurve"), "true");
        ExpectedTable expectedU = ExpectedTable.read(in.resolve("expected/ucurve.tsv"));
        assertEquals(expectedU.rows().size(), ucurve.size(), "the same setups");
        List<String> setupKey = List.of("optimizer", "momentum", "decay", "patience");
        Map<String, Map<String, Object>> uByKey = new HashMap<>();
        for (Map<String, Object> row : ucurve) {
            uByKey.put(ExpectedTable.key(row, setupKey), row);
        }
        for (Map<String, String> old : expectedU.rows()) {
            String key = ExpectedTable.key(old, setupKey);
            Map<String, Object> now = uByKey.get(key);
            assertTrue(now != null, "no new setup " + key);
            for (String c : U_ALWAYS) {
                same(key, c, old.get(c), now.get(c), 1e-12);
            }
            if (!unsure.contains(key)) {
                for (String c : U_IF_OK) {
                    Object v = now.get(c);
                    same(key, c, old.get(c), v instanceof String s ? s.replace("all-ok", "divergence-free") : v, 1e-9);
                }
            }
        }
    }

    static Map<String, Object> settingOf(TrialRow t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("optimizer", t.optimizer());
        m.put("learning_rate", t.learningRate());
        m.put("momentum", t.momentum());
        m.put("decay", t.decay());
        m.put("patience", t.patience());
        return m;
    }

    static void same(String key, String column, String old, Object now, double relative) {
        String where = key + " " + column;
        if (old == null || now == null) {
            assertEquals(old, now == null ? null : String.valueOf(now), where);
            return;
        }
        if (now instanceof Double d) {
            double o = Double.parseDouble(old);
            assertEquals(o, d, relative * Math.max(Math.abs(o), 1e-300), where);
        } else {
            assertEquals(old, String.valueOf(now), where);
        }
    }

    /** The table's rows as DuckDB reads them (column name to value; DuckDB's own types). */
    static List<Map<String, Object>> duck(Path table, String where) throws Exception {
        assertTrue(Files.isDirectory(table), table + " written");
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM read_parquet('" + table + "/*.parquet') WHERE " + where)) {
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
