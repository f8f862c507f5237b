package io.lrsweep.job.report;

import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.analysis.SensitivityRow;
import io.lrsweep.job.analysis.SettingSummary;
import io.lrsweep.job.analysis.UCurveSummary;
import io.lrsweep.job.lrfind.LrFindSuggestion;

import java.util.ArrayList;
import java.util.List;

/** {@code report/index.html}: the tables, the figures with captions, and every definition used. */
final class HtmlReport {
    /** Rows of the best-settings table. */
    static final int BEST_ROWS = 10;

    private HtmlReport() {}

    static String render(ReportContent c) {
        Html h = new Html();
        h.raw("<h1>lrsweep report: " + Html.esc(c.sweepName()) + "</h1>\n");
        // No absolute path: the report is shared and moved around, and must not name this machine.
        h.p("Tables, in the directory that holds this report/ folder: sensitivity/, ucurve/"
                + (c.lrFind() != null ? ", lr_find/" : "") + " (Parquet), beside curves/ and trials/.");
        if (c.counts() != null) {
            h.p(c.counts().trials() + " trials in " + c.settings().size() + " settings: " + c.counts().ok() + " ok, "
                    + c.counts().diverged() + " diverged, " + c.counts().failed() + " failed.");
        }
        for (String n : c.notes()) {
            h.raw("<p class=\"note\">" + Html.esc(n) + "</p>\n");
        }
        if (!c.settings().isEmpty()) {
            bestSettings(h, c);
        }
        if (!c.ucurves().isEmpty()) {
            uCurves(h, c);
        }
        if (c.lrFind() != null) {
            RangeTestSection.write(h, c);
        }
        figures(h, c);
        if (!c.axes().isEmpty()) {
            axes(h, c);
        }
        Definitions.write(h, c.options(), c.lrFind() != null);
        return h.page("lrsweep report: " + c.sweepName());
    }

    private static void bestSettings(Html h, ReportContent c) {
        h.h2("Best settings", "best");
        h.p("Ranked by mean final val_loss over the seeds; settings where a seed diverged or failed come after "
                + "every setting whose seeds all ended ok. The interval is the 95% t interval of the mean.");
        List<SettingSummary> sorted = new ArrayList<>(c.settings());
        sorted.sort(SettingSummary::compareByLoss);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(BEST_ROWS, sorted.size()); i++) {
            SettingSummary s = sorted.get(i);
            rows.add(List.of(Integer.toString(i + 1), s.setting().describe(), s.ok() + "/" + s.trials(),
                    Integer.toString(s.diverged() + s.failed()),
                    meanCi(s.finalValLoss()), Labels.sig(s.finalValAccuracy().mean(), 3),
                    Labels.sig(s.finalLoss(), 3) + " / " + Labels.sig(s.finalAccuracy(), 3),
                    Labels.sig(s.bestValLoss().mean(), 4),
                    s.epochsToTarget() == null ? "not reached" : Labels.sig(s.epochsToTarget(), 3) + " (" + s.reachedTarget() + "/" + s.ok() + ")"));
        }
        h.table(List.of("#", "setting", "ok seeds", "diverged/failed", "final val_loss [95% CI]", "final val_accuracy",
                "final train loss / accuracy", "best val_loss", "epochs to " + pct(c.options().targetAccuracy()) + " val_accuracy"), rows);
    }

    private static void uCurves(Html h, ReportContent c) {
        h.h2("U-curve summary", "ucurve");
        h.p("Per optimizer/setup, read along log10(learning rate). Definitions at the end of the page.");
        List<List<String>> rows = new ArrayList<>();
        for (UCurveSummary u : c.ucurves()) {
            rows.add(List.of(u.setup(), u.lrs() + " x " + u.seeds(), Integer.toString(u.divergedTrials() + u.failedTrials()),
                    Labels.sig(u.bestLr(), 3) + " [" + Labels.sig(u.bestLrLow(), 3) + ", " + Labels.sig(u.bestLrHigh(), 3) + "]"
                            + (u.bestLrSupport() == null ? "" : " (" + Math.round(100 * u.bestLrSupport()) + "%)"),
                    Labels.sig(u.bestFinalValLoss(), 4),
                    range(u.basinLrMin(), u.basinLrMax()) + (u.basinDecades() == null ? "" : " (" + Labels.sig(u.basinDecades(), 2) + " dec)"),
                    Labels.sig(u.maxStableLr(), 3),
                    range(u.usefulLrMin(), u.usefulLrMax()),
                    Labels.sig(u.fitLr(), 3) + ", curvature " + Labels.sig(u.fitCurvature(), 3) + " (" + u.fitStatus() + ")",
                    Labels.sig(u.initValLoss(), 4) + " / " + Labels.sig(u.initValAccuracy(), 3), Labels.sig(u.lrSensitivity(), 3)));
        }
        h.table(List.of("setup", "lrs x seeds", "diverged/failed", "best lr [95% bootstrap] (support)", "best mean final val_loss",
                "basin (within " + Labels.sig(c.options().basinTolerance() * 100, 3) + "%)", "largest never-diverged lr",
                "useful region (learns)", "quadratic fit: lr*, d²loss/d(log10 lr)²", "val_loss / val_accuracy at init",
                "LR sensitivity"), rows);
    }

    private static void figures(Html h, ReportContent c) {
        String section = null;
        for (ReportContent.Figure f : c.figures()) {
            if (!f.section().equals(section)) {
                section = f.section();
                h.h2(section, "fig-" + section.toLowerCase().replaceAll("[^a-z]+", "-"));
            }
            h.h3(f.title());
            h.figure(f.file(), f.title(), f.caption());
        }
    }

    private static void axes(Html h, ReportContent c) {
        h.h2("Sensitivity by axis", "axes");
        h.p("For each axis that varies, the setup of the other settings shown in the figures (the one holding the best "
                + "setting). Every setup is in sensitivity/.");
        for (FigurePlan.AxisPanels a : c.axes()) {
            h.h3(a.axis().label + " (" + a.setup() + ")");
            List<List<String>> rows = new ArrayList<>();
            for (SensitivityRow r : a.panels()) {
                SettingSummary s = r.stats();
                rows.add(List.of(Integer.toString(r.rank()), r.axisValue(), s.ok() + "/" + s.trials(),
                        Integer.toString(s.diverged() + s.failed()), meanCi(s.finalValLoss()),
                        Labels.sig(s.finalValLoss().std(), 2), Labels.sig(s.finalValAccuracy().mean(), 3),
                        Labels.sig(s.bestValAccuracy().mean(), 3),
                        s.epochsToTarget() == null ? "not reached" : Labels.sig(s.epochsToTarget(), 3) + " (" + s.reachedTarget() + "/" + s.ok() + ")"));
            }
            h.table(List.of("rank", a.axis().label, "ok seeds", "diverged/failed", "final val_loss [95% CI]", "sd",
                    "final val_accuracy", "best val_accuracy", "epochs to " + pct(c.options().targetAccuracy())), rows);
        }
    }

    static String meanCi(SettingSummary.Stat s) {
        if (s.mean() == null) {
            return "–";
        }
        String ci = s.ciLow() == null ? "" : " [" + Labels.sig(s.ciLow(), 3) + ", " + Labels.sig(s.ciHigh(), 3) + "]";
        return Labels.sig(s.mean(), 4) + ci;
    }

    static String range(Double lo, Double hi) {
        if (lo == null) {
            return "–";
        }
        return lo.equals(hi) ? Labels.sig(lo, 3) : Labels.sig(lo, 3) + " to " + Labels.sig(hi, 3);
    }

    static String pct(double fraction) {
        return Labels.sig(fraction * 100, 3) + "%";
    }

    /** The range test's suggestion for a setup, if one was run. */
    static LrFindSuggestion suggestionFor(ReportContent c, UCurveSummary u) {
        if (c.lrFind() == null) {
            return null;
        }
        return c.lrFind().suggestions().stream().filter(s -> s.matches(u.optimizer(), u.momentum())).findFirst().orElse(null);
    }
}
