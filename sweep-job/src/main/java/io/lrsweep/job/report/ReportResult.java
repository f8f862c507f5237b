package io.lrsweep.job.report;

import java.util.List;

/**
 * What {@code report} wrote: the report directory and page, the figure files (full paths), the
 * analysis tables, notes on what could not be computed, and one line per optimizer/setup for the
 * console (best lr with its interval, basin, largest never-diverged lr, LR sensitivity).
 */
public record ReportResult(String reportDir, String indexHtml, List<String> figures, List<String> tables,
                           List<String> notes, List<String> highlights) {
}
