package io.lrsweep.job.report;

import io.lrsweep.job.analysis.Verdict;

import java.util.List;

/**
 * What {@code report} wrote: the report directory and page, the figure files, the analysis tables
 * (all as people write paths: a local path without {@code file:}), notes on what could not be done,
 * and the verdict (null when the directory holds only a range test).
 */
public record ReportResult(String reportDir, String indexHtml, List<String> figures, List<String> tables,
                           List<String> notes, Verdict verdict) {
}
