package io.lrsweep.job.cli;

import io.lrsweep.job.analysis.Verdict;
import io.lrsweep.job.report.ReportResult;

import java.io.PrintWriter;
import java.util.List;

/**
 * The console's account of a report (the end of {@code run}, {@code report} and {@code lr-find}):
 * where it is, the verdict for at most {@value #SETUPS} setups (the best ones; the rest are in the
 * report), every warning and every note.
 */
final class ReportSummary {
    static final int SETUPS = 10;

    private ReportSummary() {}

    static void print(ReportResult r, PrintWriter out) {
        out.println("  report   " + r.indexHtml() + "   (" + Verdict.count(r.figures().size(), "figure") + ")");
        if (!r.tables().isEmpty()) {
            out.println("  tables   " + String.join(", ", r.tables()));
        }
        Verdict v = r.verdict();
        if (v != null) {
            out.println("  best     " + v.best());
            if (!v.ties().isEmpty()) {
                out.println("           " + v.ties());
            }
            List<String> setups = v.setups();
            for (int i = 0; i < Math.min(SETUPS, setups.size()); i++) {
                out.println("  setup    " + setups.get(i));
            }
            if (setups.size() > SETUPS) {
                out.println("           and " + (setups.size() - SETUPS) + " more setups in the report");
            }
            for (String a : v.axes()) {
                out.println("  axis     " + a);
            }
            for (String w : v.warnings()) {
                out.println("  warning  " + w);
            }
        }
        for (String n : r.notes()) {
            out.println("  note     " + n);
        }
        out.flush();
    }
}
