package io.lrsweep.job.report;

import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.analysis.UCurveSummary;
import io.lrsweep.job.lrfind.LrFindSuggestion;

import java.util.ArrayList;
import java.util.List;

/**
 * The range test's readings, and beside each grid setup of the same optimizer and momentum the
 * grid's best lr and how far apart the two are in decades ({@code log10(suggestion / grid best)}:
 * positive when the range test suggests a larger lr).
 */
final class RangeTestSection {
    private RangeTestSection() {}

    static void write(Html h, ReportContent c) {
        h.h2("Learning-rate range test", "lr-find");
        h.p("Settings: " + c.lrFind().settings() + ".");
        List<List<String>> rows = new ArrayList<>();
        for (LrFindSuggestion s : c.lrFind().suggestions()) {
            rows.add(List.of(s.label(), s.readable() + "/" + s.seeds(), Labels.sig(s.steepestLr(), 3),
                    Labels.sig(s.minimumLr(), 3), Labels.sig(s.minimumOverTenLr(), 3)));
        }
        h.table(List.of("optimizer", "readable seeds", "suggestion: steepest descent", "loss minimum", "minimum / 10"), rows);
        List<List<String>> beside = new ArrayList<>();
        for (UCurveSummary u : c.ucurves()) {
            LrFindSuggestion s = HtmlReport.suggestionFor(c, u);
            if (s == null || s.steepestLr() == null || u.bestLr() == null) {
                continue;
            }
            double decades = Math.log10(s.steepestLr() / u.bestLr());
            beside.add(List.of(u.setup(), Labels.sig(u.bestLr(), 3) + " [" + Labels.sig(u.bestLrLow(), 3) + ", "
                            + Labels.sig(u.bestLrHigh(), 3) + "]", Labels.sig(s.steepestLr(), 3),
                    (decades >= 0 ? "+" : "") + Labels.sig(decades, 2),
                    verdict(s.steepestLr(), u)));
        }
        if (beside.isEmpty()) {
            h.p("No grid sweep of the same optimizer/setup over several learning rates is in this directory to compare with.");
        } else {
            h.p("Beside the grid sweep of the same setup (the range test runs without decay and plateau control, so "
                    + "every grid setup of an optimizer and momentum is compared with the same test).");
            h.table(List.of("grid setup", "grid best lr [95% bootstrap]", "range-test suggestion",
                    "decades apart (suggestion vs grid)", "suggestion lies"), beside);
        }
    }

    private static String verdict(double suggestion, UCurveSummary u) {
        if (u.basinLrMin() != null && suggestion >= u.basinLrMin() && suggestion <= u.basinLrMax()) {
            return "inside the grid's basin";
        }
        if (u.usefulLrMin() != null && suggestion >= u.usefulLrMin() && suggestion <= u.usefulLrMax()) {
            return "inside the grid's useful region";
        }
        if (u.basinLrMin() != null && suggestion < u.basinLrMin()) {
            return "below the grid's basin";
        }
        return "above the grid's basin";
    }
}
