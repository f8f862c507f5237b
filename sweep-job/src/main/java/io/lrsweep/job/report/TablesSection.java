package io.lrsweep.job.report;

import io.lrsweep.core.train.TrialStatus;
import io.lrsweep.job.analysis.AnalysisResult;
import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.analysis.Metric;
import io.lrsweep.job.analysis.PairedComparison;
import io.lrsweep.job.analysis.Ranking;
import io.lrsweep.job.analysis.SettingAxis;
import io.lrsweep.job.analysis.SettingSummary;
import io.lrsweep.job.analysis.SettingTrials;
import io.lrsweep.job.analysis.SliceRow;
import io.lrsweep.job.analysis.Stat;
import io.lrsweep.job.analysis.UCurveSummary;

import java.util.ArrayList;
import java.util.List;

/** The tables of the page: the best settings, the U-curve summary, and each axis's profile. */
final class TablesSection {
    /** Rows of the best-settings table. */
    static final int BEST_ROWS = 10;

    private TablesSection() {}

    static void write(Html h, AnalysisResult r) {
        best(h, r);
        if (!r.ucurves().isEmpty()) {
            ucurves(h, r);
        }
        axes(h, r);
    }

    private static void best(Html h, AnalysisResult r) {
        Ranking k = r.ranking();
        Metric m = r.metric();
        h.h2("Best settings", "best");
        h.p("Ranked by the mean final " + m.name() + " over the seeds that finished; settings where some seed did not "
                + "end ok come after every setting whose seeds all did. \"vs best\": the mean difference, and the ratio "
                + "of the " + (m.lowerIsBetter() ? "losses" : "error rates") + " seed by seed with its 95% interval; a tie "
                + "is a setting whose interval holds 1.");
        List<List<String>> rows = new ArrayList<>();
        List<SettingTrials> ranked = new ArrayList<>(k.settings());
        ranked.sort(SettingTrials::compare);
        for (int i = 0; i < Math.min(BEST_ROWS, ranked.size()); i++) {
            SettingTrials s = ranked.get(i);
            SettingSummary sum = r.summary(s);
            PairedComparison p = s == k.best() ? PairedComparison.self(s.costs().size())
                    : k.vsBest().stream().filter(c -> c.setting() == s).map(Ranking.Compared::comparison).findFirst().orElse(null);
            rows.add(List.of(Integer.toString(i + 1), k.describe(s.setting()), outcomes(s), meanCi(sum.metric()),
                    vsBest(p, m, s == k.best()), Labels.sig(sum.finalValAccuracy().mean(), 3),
                    Labels.sig(sum.finalLoss(), 3) + " / " + Labels.sig(sum.finalAccuracy(), 3), epochs(sum)));
        }
        h.table(List.of("#", "setting", "seeds", "final " + m.name() + " [95% bootstrap]", "vs best (paired, 95%)",
                "final val_accuracy", "final train loss / accuracy",
                "epochs to " + HtmlReport.pct(r.options().targetAccuracy()) + " val_accuracy"), rows);
    }

    private static void ucurves(Html h, AnalysisResult r) {
        h.h2("U-curve summary", "ucurve");
        h.p("Per setup, read along log10(learning rate). Definitions at the end of the page.");
        List<List<String>> rows = new ArrayList<>();
        for (UCurveSummary u : r.ucurves()) {
            UCurveSummary.StatusCounts n = u.counts();
            rows.add(List.of(u.setup(), u.lrs().size() + " x " + u.seeds(),
                    n.ok() + " ok" + (n.trials() > n.ok() ? ", " + (n.trials() - n.ok()) + " not" : ""),
                    Labels.sig(u.bestLr(), 3) + (u.bestLrLow() == null ? "" : " [" + Labels.sig(u.bestLrLow(), 3) + ", "
                            + Labels.sig(u.bestLrHigh(), 3) + "] (" + Math.round(100 * u.bestLrSupport()) + "%)"),
                    Labels.sig(u.bestValue(), 4),
                    u.tiedLrs() == null ? "not tested" : u.tiedLrs().isEmpty() ? "none"
                            : String.join(", ", u.tiedLrs().stream().map(Labels::num).toList()),
                    HtmlReport.range(u.basinLrMin(), u.basinLrMax()) + (u.basinEdge() == null ? "" : " (at the grid's edge)"),
                    Labels.sig(u.largestStableLr(), 3) + (u.unstableAbove() == null ? "" : " (" + u.unstableAbove().label + " above)"),
                    HtmlReport.range(u.usefulLrMin(), u.usefulLrMax()),
                    Labels.sig(u.fitLr(), 3) + ", curvature " + Labels.sig(u.fitCurvature(), 3) + " (" + u.fitStatus() + ")",
                    Labels.sig(u.initValue(), 4), Labels.sig(u.lrSensitivity(), 3)));
        }
        h.table(List.of("setup", "lrs x seeds", "trials", "best lr [95% bootstrap] (support)", "best " + r.metric().name(),
                "indistinguishable lrs", "basin", "stable up to", "useful region (learns)",
                "quadratic fit: lr*, curvature per decade²", r.metric().name() + " at init", "LR sensitivity"), rows);
    }

    private static void axes(Html h, AnalysisResult r) {
        Ranking k = r.ranking();
        if (k.varying().isEmpty()) {
            return;
        }
        h.h2("Each axis, each value at its own best", "axes");
        h.p("For each axis that varies, each of its values at its best setting of the other axes (its profile). "
                + "sensitivity/ also holds every value at every fixed setting of the others.");
        for (SettingAxis a : k.varying()) {
            h.h3(a.label());
            List<List<String>> rows = new ArrayList<>();
            List<SliceRow> profile = k.slices().stream().filter(s -> s.axis() == a && s.profile())
                    .sorted((x, y) -> Integer.compare(x.rank(), y.rank())).toList();
            List<SettingAxis> others = k.varying().stream().filter(o -> o != a).toList();
            for (SliceRow s : profile) {
                SettingSummary sum = r.summary(s.setting());
                rows.add(List.of(Integer.toString(s.rank()), s.value(), s.setting().setting().spoken(others), outcomes(s.setting()),
                        meanCi(sum.metric()), vsBest(s.vsBest(), r.metric(), s.rank() == 1 && s.vsBest() != null
                                && s.vsBest().meanDifference() != null && s.vsBest().meanDifference() == 0.0),
                        Labels.sig(sum.finalValAccuracy().mean(), 3), epochs(sum)));
            }
            h.table(List.of("rank", a.label(), "at", "seeds", "final " + r.metric().name() + " [95% bootstrap]",
                    "vs best (paired, 95%)", "final val_accuracy", "epochs to " + HtmlReport.pct(r.options().targetAccuracy())), rows);
        }
    }

    static String outcomes(SettingTrials s) {
        StringBuilder b = new StringBuilder(s.count(TrialStatus.OK) + "/" + s.trials() + " ok");
        for (TrialStatus st : OutcomeMarks.CLASSES) {
            if (s.count(st) > 0) {
                b.append(", ").append(s.count(st)).append(' ').append(st.label);
            }
        }
        return b.toString();
    }

    static String meanCi(Stat s) {
        if (s.mean() == null) {
            return "–";
        }
        return Labels.sig(s.mean(), 4) + (s.ciLow() == null ? " (no interval: " + s.n() + " seeds)"
                : " [" + Labels.sig(s.ciLow(), 3) + ", " + Labels.sig(s.ciHigh(), 3) + "]");
    }

    static String vsBest(PairedComparison p, Metric m, boolean isBest) {
        if (isBest) {
            return "best";
        }
        if (p == null || p.meanDifference() == null) {
            return p != null && Boolean.FALSE.equals(p.indistinguishable()) ? "not ok on every seed" : "–";
        }
        String d = signed(m.valueDifference(p.meanDifference()));
        if (p.indistinguishable() == null) {
            return d + " (no test: " + p.seeds() + " seeds)";
        }
        String ratio = p.ratio() == null ? "" : ", " + (m.lowerIsBetter() ? "loss" : "error") + " x" + Labels.sig(p.ratio(), 3)
                + " [" + Labels.sig(p.ratioLow(), 3) + ", " + Labels.sig(p.ratioHigh(), 3) + "]";
        return d + ratio + (p.indistinguishable() ? ": tie" : "");
    }

    private static String signed(double v) {
        return (v > 0 ? "+" : "") + Labels.sig(v, 2);
    }

    private static String epochs(SettingSummary s) {
        return s.epochsToTarget().mean() == null ? "not reached"
                : Labels.sig(s.epochsToTarget().mean(), 3) + " (" + s.reachedTarget() + "/" + s.trials().trials() + ")";
    }
}
