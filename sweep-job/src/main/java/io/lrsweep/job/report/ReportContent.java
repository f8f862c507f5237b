package io.lrsweep.job.report;

import io.lrsweep.job.analysis.AnalysisResult;
import io.lrsweep.job.analysis.Verdict;
import io.lrsweep.job.lrfind.LrFindTables;

import java.util.List;

/**
 * Everything the report page shows, gathered on the driver. {@code analysis} and {@code verdict}
 * are null when the directory holds only a range test, {@code lrFind} when it holds none.
 *
 * @param fixed what every trial shares (the settings that do not vary), as said
 */
record ReportContent(String sweepName, AnalysisResult analysis, Verdict verdict, String fixed, LrFindTables lrFind,
                     List<Figure> figures, List<String> notes) {

    /** A written figure: its file name in {@code report/}, a heading, a caption, and its size in pixels. */
    record Figure(String file, String section, String title, String caption, int width, int height) {}
}
