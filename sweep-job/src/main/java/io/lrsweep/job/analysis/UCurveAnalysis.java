package io.lrsweep.job.analysis;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code ucurve/}: one {@link UCurveSummary} per optimizer/setup that swept at least two learning
 * rates. The trials of a setup are grouped on the executors and read there by {@link UCurveFit}
 * (the bootstrap and the Breeze fit run in the task); only the summaries come back.
 */
final class UCurveAnalysis {
    private UCurveAnalysis() {}

    static Dataset<Row> compute(Dataset<Row> trialMetrics, AnalysisOptions options) {
        Dataset<Row> slim = trialMetrics.select("optimizer", "learning_rate", "momentum", "decay", "patience",
                "seed", "status", "final_val_loss", "best_val_loss", "final_val_accuracy", "init_val_loss", "init_val_accuracy");
        return slim.groupByKey((MapFunction<Row, String>) UCurveAnalysis::setupKey, Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (key, rows) -> {
                    List<LrCurve.Point> points = new ArrayList<>();
                    Setting setup = null;
                    while (rows.hasNext()) {
                        Row r = rows.next();
                        setup = Setting.of(r);
                        points.add(new LrCurve.Point(r.<Double>getAs("learning_rate"), r.<Long>getAs("seed"),
                                r.getAs("status"), value(r, "final_val_loss"), value(r, "best_val_loss"),
                                value(r, "final_val_accuracy"), nullable(r, "init_val_loss"), nullable(r, "init_val_accuracy")));
                    }
                    UCurveSummary s = setup == null ? null : UCurveFit.summarize(setup, points, options);
                    return s == null ? Collections.emptyIterator() : List.of(s.toRow()).iterator();
                }, Encoders.row(UCurveSummary.SCHEMA));
    }

    /** Everything but the learning rate, exactly (labels round long values). */
    static String setupKey(Row r) {
        Setting s = Setting.of(r);
        return s.optimizer() + "|" + s.momentum() + "|" + s.decay() + "|" + s.patience();
    }

    private static Double nullable(Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? null : r.getDouble(i);
    }

    private static double value(Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }
}
