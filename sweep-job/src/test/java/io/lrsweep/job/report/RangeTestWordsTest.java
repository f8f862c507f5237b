package io.lrsweep.job.report;

import io.lrsweep.job.analysis.UCurveSummary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The range test's reading beside the grid: words that match the distance, "inside the basin" only where it is. */
class RangeTestWordsTest {

    static UCurveSummary basin(double lo, double hi) {
        return new UCurveSummary(null, "sgd", "val_loss", List.of(1e-3, 1e-2, 1e-1), 3, null, 1e-2, 0.4, 0.4, 0.4,
                1e-2, 1e-2, 1.0, 2000, List.of(), 0.1, lo, hi, Math.log10(hi / lo), 0.1, null, 0.8, lo, hi,
                "ok", 3, 1e-2, 0.4, 0.3, 1.1, 0.33, 1.1, 0.5, null, null);
    }

    @Test
    void theWordsMatchTheDistance() {
        UCurveSummary u = basin(1e-2, 1e-2);
        assertEquals("agrees with the grid's best (within half a decade), outside the grid's basin",
                RangeTestSection.words(Math.log10(4e-3 / 1e-2), 4e-3, u));
        assertEquals("above the grid's best by 0.8 decades, outside the grid's basin",
                RangeTestSection.words(0.8, 1e-2 * Math.pow(10, 0.8), u));
        assertEquals("below the grid's best by 1.2 decades, outside the grid's basin",
                RangeTestSection.words(-1.2, 1e-2 * Math.pow(10, -1.2), u));
        // A suggestion 0.6 decades above, but where the grid's loss is within the tolerance: inside the basin.
        UCurveSummary wide = basin(1e-2, 1e-1);
        assertEquals("above the grid's best by 0.6 decades, inside the grid's basin",
                RangeTestSection.words(0.6, 1e-2 * Math.pow(10, 0.6), wide));
    }
}
