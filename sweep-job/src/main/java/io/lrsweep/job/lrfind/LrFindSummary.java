package io.lrsweep.job.lrfind;

import java.util.List;

/**
 * What {@code lr-find} did: where the tables are, how many range tests ran (setups x seeds), and
 * each setup's suggestion.
 */
public record LrFindSummary(String out, String curveTable, String summaryTable, int tests,
                            List<LrFindSuggestion> suggestions) {
}
