package io.lrsweep.job.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A U that ends at the grid's edge gets a warning naming the learning rates to add. */
class EdgeWarningsTest {

    static AnalysisResult falling(double[] lrs, double centre) {
        HandMadeSweep s = new HandMadeSweep();
        for (int seed = 0; seed < 3; seed++) {
            for (double lr : lrs) {
                double d = Math.log10(lr) - centre;
                s.trial("sgd", lr, 0.0, seed, "ok", 0.3 + 0.2 * d * d + 0.01 * seed, 1.1);
            }
        }
        return s.analyse();
    }

    @Test
    void aBestAtTheTopNamesTheNextTwoRates() {
        AnalysisResult r = falling(new double[]{1e-4, 1e-3, 1e-2, 1e-1}, 0.5);
        UCurveSummary u = r.ucurves().get(0);
        assertEquals(0.1, u.bestLr());
        assertEquals("largest", u.bestEdge());
        List<String> w = Verdict.of(r).warnings();
        assertEquals(1, w.size(), w.toString());
        assertEquals("sgd: the best lr is the largest swept (0.1): the U's right side was never seen; add 1 and 10 to "
                + "grid.learning_rate", w.get(0));
    }

    @Test
    void aBestAtTheBottomNamesSmallerRatesInTheGridsSpacing() {
        double third = Math.pow(10, -0.5);
        AnalysisResult r = falling(new double[]{1e-3, 1e-3 / third, 1e-2, 1e-2 / third}, -4);
        assertEquals("smallest", r.ucurves().get(0).bestEdge());
        String w = Verdict.of(r).warnings().get(0);
        assertTrue(w.contains("add 3.16e-4 and 1e-4 to grid.learning_rate"), w);
    }

    @Test
    void aBasinAtTheEdgeIsNamedToo() {
        // Centre at 10^-3.45: mean loss 0.3505 at 1e-3 (the best), 0.3705 at 1e-4, within 10% of it.
        AnalysisResult inside = falling(new double[]{1e-4, 1e-3, 1e-2, 1e-1}, -3.45);
        UCurveSummary v = inside.ucurves().get(0);
        assertEquals(1e-3, v.bestLr());
        assertEquals("smallest", v.basinEdge(), "1e-4 is within 10% of the best");
        String w = Verdict.of(inside).warnings().get(0);
        assertTrue(w.contains("the basin reaches the smallest lr swept (1e-4)") && w.contains("add 1e-5"), w);
    }

    @Test
    void noWarningInsideTheGrid() {
        AnalysisResult r = falling(new double[]{1e-4, 1e-3, 1e-2, 1e-1}, -2.5);
        assertEquals(List.of(), Verdict.of(r).warnings());
    }
}
