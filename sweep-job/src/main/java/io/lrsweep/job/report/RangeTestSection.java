package io.lrsweep.job.report;

import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.analysis.UCurveSummary;
import io.lrsweep.job.lrfind.LrFindSuggestion;

import java.util.ArrayList;
import java.util.List;

/**
 * The range test's readings, and beside each grid setup of the same optimizer and momentum how far
 * each seed's suggestion lies from the grid's best lr, in decades ({@code log10(suggestion / grid
 * best)}: positive when the range test suggests a larger lr), with words that match the distance.
 */
final class RangeTestSection {
    /** Within this many decades a suggestion agrees with the grid's best. */
    static final double AGREES = 0.5;

    private RangeTestSection() {}

    static void write(Html h, ReportContent c) {
        h.h2("Learning-rate range test", "lr-find");
        h.p("Settings: " + c.lrFind().settings() + ".");
        List<List<String>> rows = new ArrayList<>();
        for (LrFindSuggestion s : c.lrFind().suggestions()) {
            rows.add(List.of(s.label(), s.readable() + "/" + s.seeds(), Labels.sig(s.steepestLr(), 3),
                    Labels.sig(s.minimumLr(), 3), Labels.sig(s.minimumOverTenLr(), 3)));
        }
        h.table(List.of("optimizer", "readable seeds", "suggestion: steepest descent (median)", "loss minimum", "minimum / 10"),
                rows);
        List<List<String>> beside = new ArrayList<>();
        for (UCurveSummary u : c.analysis() == null ? List.<UCurveSummary>of() : c.analysis().ucurves()) {
            LrFindSuggestion s = c.lrFind().suggestions().stream()
                    .filter(x -> x.matches(u.setting().optimizer(), u.setting().momentum())).findFirst().orElse(null);
            if (s == null || s.steepestLr() == null || u.bestLr() == null) {
                continue;
            }
            List<String> perSeed = new ArrayList<>();
            for (double lr : s.perSeed()) {
                perSeed.add(signed(Math.log10(lr / u.bestLr())));
            }
            double median = Math.log10(s.steepestLr() / u.bestLr());
            beside.add(List.of(u.setup(), Labels.num(u.bestLr()), Labels.sig(s.steepestLr(), 3),
                    String.join(", ", perSeed), words(median, s.steepestLr(), u)));
        }
        if (beside.isEmpty()) {
            h.p("No grid sweep of the same optimizer/setup over several learning rates is in this directory to compare with.");
        } else {
            h.p("Beside the grid sweep of the same setup (the range test runs without decay and plateau control, so "
                    + "every grid setup of an optimizer and momentum is compared with the same test).");
            h.table(List.of("grid setup", "grid best lr", "range-test suggestion (median)",
                    "each seed's suggestion vs the grid's best, decades", "reading"), beside);
        }
    }

    /** What the median suggestion's distance means, in words that match it. */
    static String words(double decades, double suggestion, UCurveSummary u) {
        boolean inBasin = u.basinLrMin() != null && suggestion >= u.basinLrMin() && suggestion <= u.basinLrMax();
        String where = Math.abs(decades) <= AGREES ? "agrees with the grid's best (within half a decade)"
                : (decades > 0 ? "above" : "below") + " the grid's best by " + Labels.sig(Math.abs(decades), 2) + " decades";
        return where + (inBasin ? ", inside the grid's basin" : ", outside the grid's basin");
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "") + Labels.sig(v, 2);
    }
}
