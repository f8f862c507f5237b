package io.lrsweep.job.report;

import io.lrsweep.job.analysis.Labels;

/**
 * {@code report/index.html}: the verdict and warnings first, then the figures with captions, the
 * tables, and every definition used.
 */
final class HtmlReport {
    private HtmlReport() {}

    static String render(ReportContent c) {
        Html h = new Html();
        h.raw("<h1>lrsweep report: " + Html.esc(c.sweepName()) + "</h1>\n");
        if (c.analysis() != null) {
            VerdictSection.write(h, c);
        }
        for (String n : c.notes()) {
            h.raw("<p class=\"note\">" + Html.esc(n) + "</p>\n");
        }
        // No absolute path: the report is shared and moved around, and must not name this machine.
        h.p("Tables, in the directory that holds this report/ folder: " + (c.analysis() != null ? "sensitivity/, ucurve/" : "")
                + (c.lrFind() != null ? (c.analysis() != null ? ", " : "") + "lr_find/" : "")
                + " (Parquet)" + (c.analysis() != null ? ", beside curves/ and trials/." : "."));
        figures(h, c);
        if (c.lrFind() != null) {
            RangeTestSection.write(h, c);
        }
        if (c.analysis() != null) {
            TablesSection.write(h, c.analysis());
        }
        Definitions.write(h, c.analysis() == null ? null : c.analysis().options(), c.lrFind() != null);
        return h.page("lrsweep report: " + c.sweepName());
    }

    private static void figures(Html h, ReportContent c) {
        String section = null;
        for (ReportContent.Figure f : c.figures()) {
            if (!f.section().equals(section)) {
                section = f.section();
                h.h2(section, "fig-" + section.toLowerCase().replaceAll("[^a-z]+", "-"));
            }
            h.h3(f.title());
            h.figure(f.file(), f.title(), f.caption(), f.width(), f.height());
        }
    }

    static String range(Double lo, Double hi) {
        if (lo == null) {
            return "–";
        }
        return lo.equals(hi) ? Labels.num(lo) : Labels.num(lo) + " to " + Labels.num(hi);
    }

    static String pct(double fraction) {
        return Labels.sig(fraction * 100, 3) + "%";
    }
}
