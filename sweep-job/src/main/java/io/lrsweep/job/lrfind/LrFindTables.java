package io.lrsweep.job.lrfind;

import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.table.ParquetRows;
import io.lrsweep.job.table.SweepDirectory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The range tests of an output directory as the report needs them, read straight from
 * {@code lr_find/}: each setup's suggestion and its smoothed-loss curve over seeds, aggregated per
 * update (mean and extremes of the finite values; only the updates every seed reached with a finite
 * value, so the mean never changes its seeds midway).
 */
public record LrFindTables(List<LrFindSuggestion> suggestions, Map<String, List<CurvePoint>> curves, String settings) {

    /** One update of a setup's test over its seeds. */
    public record CurvePoint(int step, double lr, double mean, double min, double max) {}

    static final List<String> SUMMARY_COLUMNS = List.of("optimizer", "momentum", "seed", "steepest_lr", "minimum_lr",
            "lr_min", "lr_max", "updates", "smoothing", "divergence_factor");

    /** Every test's readings, ordered by setup and seed. */
    public static List<LrFindReading> readings(SweepDirectory dir, String[] settings) {
        List<LrFindReading> out = new ArrayList<>();
        ParquetRows.read(dir, LrFindSchemas.SUMMARY, SUMMARY_COLUMNS, Set.of(), r -> {
            out.add(new LrFindReading(r.string("optimizer"), r.nullableDouble("momentum"), r.nullableLong("seed"),
                    r.nullableDouble("steepest_lr"), r.nullableDouble("minimum_lr")));
            if (settings != null && settings[0] == null) {
                settings[0] = "lr from " + Labels.num(r.nullableDouble("lr_min")) + " to " + Labels.num(r.nullableDouble("lr_max"))
                        + " over " + r.nullableInt("updates") + " updates, smoothing " + Labels.num(r.nullableDouble("smoothing"))
                        + ", stopping once the smoothed loss exceeds " + Labels.num(r.nullableDouble("divergence_factor"))
                        + " x its best";
            }
        });
        out.sort((a, b) -> {
            int c = a.optimizer().compareTo(b.optimizer());
            if (c != 0) {
                return c;
            }
            c = a.momentum() == null || b.momentum() == null ? Boolean.compare(a.momentum() != null, b.momentum() != null)
                    : Double.compare(a.momentum(), b.momentum());
            return c != 0 ? c : Long.compare(a.seed(), b.seed());
        });
        return out;
    }

    /** The tables, or null when the directory has none. */
    public static LrFindTables read(SweepDirectory dir) {
        if (!dir.hasTable(LrFindSchemas.SUMMARY) || !dir.hasTable(LrFindSchemas.CURVE)) {
            return null;
        }
        String[] settings = new String[1];
        List<LrFindSuggestion> suggestions = LrFindSuggestion.aggregate(readings(dir, settings));
        // Per setup and step: sum, min, max and count of the finite smoothed losses, and the lr.
        Map<String, TreeMap<Integer, double[]>> steps = new LinkedHashMap<>();
        Map<String, Set<Long>> seeds = new HashMap<>();
        ParquetRows.read(dir, LrFindSchemas.CURVE,
                List.of("optimizer", "momentum", "seed", "step", "lr", "smoothed_loss"), Set.of(), r -> {
                    String setup = LrFindSuggestion.label(r.string(0), r.nullableDouble(1));
                    seeds.computeIfAbsent(setup, k -> new HashSet<>()).add(((Number) r.get(2)).longValue());
                    double loss = r.number(5);
                    double[] a = steps.computeIfAbsent(setup, k -> new TreeMap<>()).computeIfAbsent(((Number) r.get(3)).intValue(),
                            k -> new double[]{0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0, 0});
                    a[4] += r.number(4);
                    a[5]++;
                    if (Double.isFinite(loss)) {
                        a[0] += loss;
                        a[1] = Math.min(a[1], loss);
                        a[2] = Math.max(a[2], loss);
                        a[3]++;
                    }
                });
        Map<String, List<CurvePoint>> curves = new LinkedHashMap<>();
        steps.forEach((setup, bySetup) -> {
            List<CurvePoint> points = new ArrayList<>();
            int n = seeds.get(setup).size();
            bySetup.forEach((step, a) -> {
                if (a[3] >= n) {
                    points.add(new CurvePoint(step, a[4] / a[5], a[0] / a[3], a[1], a[2]));
                }
            });
            curves.put(setup, points);
        });
        return new LrFindTables(suggestions, curves, settings[0] == null ? "" : settings[0]);
    }
}
