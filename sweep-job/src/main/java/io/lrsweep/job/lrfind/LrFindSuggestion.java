package io.lrsweep.job.lrfind;

import io.lrsweep.job.analysis.Labels;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A setup's range-test readings over its seeds: the median of each seed's steepest-descent lr and
 * of its loss-minimum lr, over the seeds whose curve could be read (taken on log10(lr), so with an
 * even count it is the geometric mean of the middle two). The median, because one seed's noisy
 * curve can put its reading decades away (seen on the blobs at lr 1e-5 against 2e-3 and 5e-3).
 * The suggestion is the steepest-descent lr (Smith 2017; fastai's classic reading); the minimum
 * divided by ten is the conservative alternative.
 */
public record LrFindSuggestion(String optimizer, Double momentum, int seeds, int readable, Double steepestLr,
                               Double minimumLr, Double minimumOverTenLr) {

    /** {@code sgd momentum=0.9}, {@code adam}. */
    public String label() {
        return label(optimizer, momentum);
    }

    public static String label(String optimizer, Double momentum) {
        return momentum == null ? optimizer : optimizer + " momentum=" + Labels.num(momentum);
    }

    /** Whether this test stands for the grid setup of that optimizer and momentum. */
    public boolean matches(String optimizer, Double momentum) {
        return this.optimizer.equals(optimizer) && Objects.equals(this.momentum, momentum);
    }

    /** Groups {@code lr_find/summary} rows by setup, in the order first seen. */
    public static List<LrFindSuggestion> aggregate(List<Row> summaryRows) {
        Map<String, List<Row>> bySetup = new LinkedHashMap<>();
        for (Row r : summaryRows) {
            Double m = r.isNullAt(r.fieldIndex("momentum")) ? null : r.<Double>getAs("momentum");
            bySetup.computeIfAbsent(label(r.getAs("optimizer"), m), k -> new ArrayList<>()).add(r);
        }
        List<LrFindSuggestion> out = new ArrayList<>();
        for (List<Row> rows : bySetup.values()) {
            Row first = rows.get(0);
            Double m = first.isNullAt(first.fieldIndex("momentum")) ? null : first.<Double>getAs("momentum");
            Double steepest = median(rows, "steepest_lr");
            int readable = (int) rows.stream().filter(r -> !r.isNullAt(r.fieldIndex("steepest_lr"))).count();
            Double minimum = median(rows, "minimum_lr");
            out.add(new LrFindSuggestion(first.getAs("optimizer"), m, rows.size(), readable, steepest, minimum,
                    minimum == null ? null : minimum / 10.0));
        }
        return out;
    }

    private static Double median(List<Row> rows, String column) {
        List<Double> logs = new ArrayList<>();
        for (Row r : rows) {
            int i = r.fieldIndex(column);
            if (!r.isNullAt(i) && r.getDouble(i) > 0.0) {
                logs.add(Math.log10(r.getDouble(i)));
            }
        }
        if (logs.isEmpty()) {
            return null;
        }
        logs.sort(null);
        int n = logs.size();
        double mid = n % 2 == 1 ? logs.get(n / 2) : (logs.get(n / 2 - 1) + logs.get(n / 2)) / 2.0;
        return Math.pow(10.0, mid);
    }
}
