package io.lrsweep.job.lrfind;

import io.lrsweep.job.analysis.Labels;

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
 * divided by ten is the conservative alternative. Each seed's own suggestion is kept too
 * ({@code perSeed}), so that a report can say how far every one of them lies from the grid's best.
 */
public record LrFindSuggestion(String optimizer, Double momentum, int seeds, int readable, Double steepestLr,
                               Double minimumLr, Double minimumOverTenLr, List<Double> perSeed) {

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

    /** Groups the readings by setup, in the order first seen. */
    public static List<LrFindSuggestion> aggregate(List<LrFindReading> readings) {
        Map<String, List<LrFindReading>> bySetup = new LinkedHashMap<>();
        for (LrFindReading r : readings) {
            bySetup.computeIfAbsent(label(r.optimizer(), r.momentum()), k -> new ArrayList<>()).add(r);
        }
        List<LrFindSuggestion> out = new ArrayList<>();
        for (List<LrFindReading> rows : bySetup.values()) {
            LrFindReading first = rows.get(0);
            List<Double> steepest = rows.stream().map(LrFindReading::steepestLr).filter(v -> v != null && v > 0.0).toList();
            List<Double> minimum = rows.stream().map(LrFindReading::minimumLr).filter(v -> v != null && v > 0.0).toList();
            Double m = median(minimum);
            out.add(new LrFindSuggestion(first.optimizer(), first.momentum(), rows.size(), steepest.size(), median(steepest),
                    m, m == null ? null : m / 10.0, steepest));
        }
        return out;
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> logs = new ArrayList<>();
        for (double v : values) {
            logs.add(Math.log10(v));
        }
        logs.sort(null);
        int n = logs.size();
        double mid = n % 2 == 1 ? logs.get(n / 2) : (logs.get(n / 2 - 1) + logs.get(n / 2)) / 2.0;
        return Math.pow(10.0, mid);
    }
}
