package io.lrsweep.job.report;

import io.lrsweep.core.train.TrialStatus;
import io.lrsweep.job.analysis.AnalysisResult;
import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.analysis.SettingTrials;
import io.lrsweep.job.analysis.Verdict;

import java.util.List;

/** The top of the page: the verdict in words, then every warning, then what was swept and how it ended. */
final class VerdictSection {
    /** Setup lines shown before the rest is folded away (as on the console). */
    static final int SETUPS_SHOWN = 10;

    private VerdictSection() {}

    static void write(Html h, ReportContent c) {
        Verdict v = c.verdict();
        AnalysisResult r = c.analysis();
        h.raw("<section class=\"verdict\" id=\"verdict\">\n");
        h.h2("Verdict", "verdict-heading");
        h.p("Read by the final " + r.metric().name() + " (" + (r.metric().lowerIsBetter() ? "lower" : "higher")
                + " is better); basin: within " + Labels.sig(r.options().basinTolerance() * 100, 3) + "% of the best; "
                + "target: " + HtmlReport.pct(r.options().targetAccuracy()) + " val_accuracy. Only settings whose every "
                + "seed ended ok are recommended.");
        h.raw("<p class=\"best\"><b>Best:</b> " + Html.esc(v.best()) + "</p>\n");
        if (!v.ties().isEmpty()) {
            h.raw("<p class=\"ties\">" + Html.esc(v.ties()) + "</p>\n");
        }
        if (!v.setups().isEmpty()) {
            h.p("Per setup, along the learning rate (best setups first):");
            h.list("setups", v.setups().subList(0, Math.min(SETUPS_SHOWN, v.setups().size())));
            if (v.setups().size() > SETUPS_SHOWN) {
                h.raw("<details><summary>" + (v.setups().size() - SETUPS_SHOWN) + " more setups</summary>\n");
                h.list("setups more", v.setups().subList(SETUPS_SHOWN, v.setups().size()));
                h.raw("</details>\n");
            }
        }
        if (!v.axes().isEmpty()) {
            h.p("Per axis, each value at its own best setting of the others:");
            h.list("axes", v.axes());
        }
        h.raw("</section>\n");
        if (!v.warnings().isEmpty()) {
            h.raw("<section class=\"warnings\" id=\"warnings\">\n");
            h.h2("Warnings", "warnings-heading");
            h.list("warnings", v.warnings());
            h.raw("</section>\n");
        }
        List<SettingTrials> settings = r.ranking().settings();
        int[] n = new int[TrialStatus.values().length];
        int trials = 0;
        for (SettingTrials s : settings) {
            for (TrialStatus st : TrialStatus.values()) {
                n[st.ordinal()] += s.count(st);
            }
            trials += s.trials();
        }
        h.p(Verdict.count(trials, "trial") + " in " + Verdict.count(settings.size(), "setting") + ": "
                + n[TrialStatus.OK.ordinal()] + " ok, " + n[TrialStatus.DIVERGED.ordinal()] + " diverged, "
                + n[TrialStatus.SATURATED.ordinal()] + " saturated, " + n[TrialStatus.STALLED.ordinal()] + " stalled, "
                + n[TrialStatus.FAILED.ordinal()] + " failed." + (c.fixed().isEmpty() ? "" : " Every trial: " + c.fixed() + "."));
    }
}
