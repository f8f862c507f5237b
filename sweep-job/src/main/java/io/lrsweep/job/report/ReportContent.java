package io.lrsweep.job.report;

import io.lrsweep.job.analysis.AnalysisOptions;
import io.lrsweep.job.analysis.SettingSummary;
import io.lrsweep.job.analysis.UCurveSummary;
import io.lrsweep.job.lrfind.LrFindTables;

import java.util.List;

/**
 * Everything the report page shows, gathered on the driver (all of it small aggregated tables).
 * Lists are empty, and {@code lrFind} null, when the directory has no such data.
 */
record ReportContent(String sweepName, String outDir, AnalysisOptions options, Counts counts,
                     List<SettingSummary> settings, List<UCurveSummary> ucurves, List<FigurePlan.AxisPanels> axes,
                     LrFindTables lrFind, List<Figure> figures, List<String> notes) {

    /** Trial statuses over the analysed trials. */
    record Counts(long trials, long ok, long diverged, long failed) {}

    /** A written figure: its file name in {@code report/}, a heading and a caption. */
    record Figure(String file, String section, String title, String caption) {}
}
