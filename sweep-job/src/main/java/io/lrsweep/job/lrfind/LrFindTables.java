package io.lrsweep.job.lrfind;

import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.analysis.SweepDirectory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The range tests of an output directory as the report needs them: each setup's suggestion and
 * its smoothed-loss curve over seeds, aggregated per update in Spark (mean and extremes of the
 * finite values; only the updates every seed reached, so the mean never changes its seeds midway).
 */
public record LrFindTables(List<LrFindSuggestion> suggestions, Map<String, List<CurvePoint>> curves, String settings) {

    /** One update of a setup's test over its seeds. */
    public record CurvePoint(int step, double lr, double mean, double min, double max) {}

    /** The range test's settings, as written in its summary rows (all tests of one run share them). */
    private static String settings(List<Row> summary) {
        if (summary.isEmpty()) {
            return "";
        }
        Row r = summary.get(0);
        return "lr from " + Labels.num(r.<Double>getAs("lr_min")) + " to " + Labels.num(r.<Double>getAs("lr_max"))
                + " over " + r.<Integer>getAs("updates") + " updates, smoothing " + Labels.num(r.<Double>getAs("smoothing"))
                + ", stopping once the smoothed loss exceeds " + Labels.num(r.<Double>getAs("divergence_factor"))
                + " x its best";
    }

    /** The tables, or null when the directory has none. */
    public static LrFindTables read(SparkSession spark, SweepDirectory dir) {
        if (!dir.hasTable(LrFindSchemas.SUMMARY) || !dir.hasTable(LrFindSchemas.CURVE)) {
            return null;
        }
        List<Row> summary = spark.read().parquet(dir.uri(LrFindSchemas.SUMMARY))
                .orderBy("optimizer", "momentum", "seed").collectAsList();
        spark.read().parquet(dir.uri(LrFindSchemas.CURVE)).createOrReplaceTempView("lrsweep_lrfind_curve");
        String finite = "NOT isnan(smoothed_loss) AND abs(smoothed_loss) < CAST('Infinity' AS DOUBLE)";
        List<Row> rows = spark.sql("WITH agg AS (SELECT optimizer, momentum, step, avg(lr) AS lr, "
                + "avg(IF(" + finite + ", smoothed_loss, NULL)) AS mean, min(IF(" + finite + ", smoothed_loss, NULL)) AS lo, "
                + "max(IF(" + finite + ", smoothed_loss, NULL)) AS hi, sum(IF(" + finite + ", 1, 0)) AS n "
                + "FROM lrsweep_lrfind_curve GROUP BY optimizer, momentum, step), "
                + "seeds AS (SELECT optimizer, momentum, count(DISTINCT seed) AS seeds FROM lrsweep_lrfind_curve "
                + "GROUP BY optimizer, momentum) "
                + "SELECT a.optimizer, a.momentum, a.step, a.lr, a.mean, a.lo, a.hi, a.n, s.seeds FROM agg a JOIN seeds s "
                + "ON a.optimizer = s.optimizer AND a.momentum <=> s.momentum ORDER BY a.optimizer, a.momentum, a.step").collectAsList();
        Map<String, List<CurvePoint>> curves = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.getLong(r.fieldIndex("n")) < r.getLong(r.fieldIndex("seeds"))) {
                continue;
            }
            Double m = r.isNullAt(1) ? null : r.getDouble(1);
            curves.computeIfAbsent(LrFindSuggestion.label(r.getString(0), m), k -> new ArrayList<>())
                    .add(new CurvePoint(r.getInt(2), r.getDouble(3), r.getDouble(4), r.getDouble(5), r.getDouble(6)));
        }
        return new LrFindTables(LrFindSuggestion.aggregate(summary), curves, settings(summary));
    }
}
