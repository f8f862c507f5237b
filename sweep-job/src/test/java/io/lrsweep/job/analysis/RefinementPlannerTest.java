package io.lrsweep.job.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The refinement planner on synthetic U-curves, each analysed by the real analysis (best lr among the
 * all-ok lrs, ties by the paired test over seeds) from hand-made trials:
 * <ul>
 *   <li>a clean U with its minimum at lr 0.026, on the decade grid 1e-7 ... 1, is bracketed to the
 *       resolution (0.125 decades) in three rounds of four points, worked out by hand below;</li>
 *   <li>a best at the grid's edge extends the grid by the grid's own step;</li>
 *   <li>a best that the seeds cannot tell from its neighbours (a flat, noisy bottom) stops refinement.</li>
 * </ul>
 */
class RefinementPlannerTest {
    static final List<Double> DECADES = List.of(1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0);
    static final double MINIMUM = Math.log10(0.026);

    /** Final val_loss 0.3 + (log10 lr - log10 0.026)^2, scaled by seed (1, 1.1, 1.2): every seed agrees on the order. */
    static double u(double lr) {
        double d = Math.log10(lr) - MINIMUM;
        return 0.3 + d * d;
    }

    /** Three seeds at each lr, seed s at {@code loss(lr) * (1 + 0.1 s)}. */
    static AnalysisResult analyse(List<Double> lrs, DoubleUnaryOperator loss) {
        HandMadeSweep s = new HandMadeSweep();
        for (double lr : lrs) {
            for (int seed = 0; seed < 3; seed++) {
                s.trial("sgd", lr, 0.0, seed, "ok", loss.applyAsDouble(lr) * (1.0 + 0.1 * seed), 5.0);
            }
        }
        return s.analyse();
    }

    @Test
    void aKnownMinimumIsBracketedToTheResolutionInThreeRounds() {
        List<Double> grid = new ArrayList<>(DECADES);
        List<RefinementPlanner.Plan> plans = new ArrayList<>();
        RefinementPlanner.Plan plan;
        do {
            AnalysisResult r = analyse(grid, RefinementPlannerTest::u);
            plan = RefinementPlanner.plan(r.ucurves(), 4, 0.125);
            plans.add(plan);
            grid.addAll(plan.union());
        } while (!plan.done() && plans.size() < 10);

        // Round 1: best 0.01 (x = -2), bracket 1e-3 to 1e-1; four points at x = -3 + 0.4k.
        assertEquals(List.of(0.00251, 0.00631, 0.0158, 0.0398), plans.get(0).union());
        // Round 2: best 0.0398 (x = -1.4, 0.034 above the bottom), bracket 0.0158 to 0.1: x = -1.801 + 0.16k
        // (from the written value 0.0158, not from 10^-1.8).
        assertEquals(0.0398, plans.get(1).setups().get(0).bestLr());
        assertEquals(List.of(0.0229, 0.0331, 0.0478, 0.0691), plans.get(1).union());
        // Round 3: best 0.0229 (x = -1.64), bracket 0.0158 to 0.0331: x = -1.8 + 0.064k.
        assertEquals(0.0229, plans.get(2).setups().get(0).bestLr());
        assertEquals(4, plans.get(2).union().size());
        // Then done: the bracket is narrower than 0.125 decades and holds the minimum.
        assertEquals(4, plans.size(), "three rounds, then the fourth plan stops");
        RefinementPlanner.SetupPlan last = plans.get(3).setups().get(0);
        assertEquals(RefinementPlanner.Stop.RESOLVED, last.stop());
        assertTrue(last.decades() < 0.125, last.why());
        assertTrue(last.bracketLow() < 0.026 && 0.026 < last.bracketHigh(), last.why());
        assertTrue(last.why().contains("narrower than the resolution 0.125"), last.why());
    }

    @Test
    void aBestAtTheEdgeExtendsTheGridByItsOwnStep() {
        // Loss falls with the lr over 1e-4 ... 0.1 (half-decade grid): the best is the largest lr swept.
        List<Double> grid = List.of(1e-4, 3.16e-4, 1e-3, 3.16e-3, 1e-2, 3.16e-2, 1e-1);
        AnalysisResult r = analyse(grid, lr -> 1.0 - 0.1 * Math.log10(lr));
        RefinementPlanner.SetupPlan p = RefinementPlanner.plan(r.ucurves(), 4, 0.125).setups().get(0);
        assertEquals(RefinementPlanner.Stop.NONE, p.stop());
        assertEquals(0.1, p.bestLr());
        assertNull(p.bracketHigh());
        assertEquals(0.0316, p.bracketLow());
        double step = Math.log10(0.1 / 0.0316);
        double beyond = p.add().get(p.add().size() - 1);
        assertEquals(Math.pow(10, -1 + step), beyond, 5e-3 * beyond, "one step of the grid's own spacing beyond the edge");
        assertTrue(beyond > 0.1);
        for (double lr : p.add().subList(0, p.add().size() - 1)) {
            assertTrue(lr > 0.0316 && lr < beyond && lr != 0.1, "strictly inside the extended bracket: " + lr);
        }
        assertEquals(5, p.add().size(), "four points and the new edge");
        assertTrue(p.why().contains("the best is the largest lr swept"), p.why());

        // The smallest edge likewise, on the decade grid.
        AnalysisResult low = analyse(DECADES, lr -> 1.0 + 0.1 * Math.log10(lr) + 1.0);
        RefinementPlanner.SetupPlan q = RefinementPlanner.plan(low.ucurves(), 4, 0.125).setups().get(0);
        assertEquals(1e-7, q.bestLr());
        assertEquals(1e-8, q.add().get(0));
        assertEquals(List.of(1e-8, 2.51e-8, 6.31e-8, 1.58e-7, 3.98e-7), q.add());
    }

    @Test
    void aNoisyFlatBestStops() {
        // A flat bottom from 1e-3 to 1e-1 (means 0.30, 0.29, 0.30) whose seeds disagree (+-0.03) by more
        // than the dip: the paired test cannot tell the best, 0.01, from either neighbour.
        Map<Double, double[]> bottom = Map.of(1e-3, new double[]{0.33, 0.27, 0.30}, 1e-2, new double[]{0.27, 0.31, 0.29},
                1e-1, new double[]{0.30, 0.33, 0.27});
        HandMadeSweep s = new HandMadeSweep();
        for (double lr : DECADES) {
            for (int seed = 0; seed < 3; seed++) {
                s.trial("sgd", lr, 0.0, seed, "ok", bottom.containsKey(lr) ? bottom.get(lr)[seed] : 1.5 + 0.1 * seed, 5.0);
            }
        }
        AnalysisResult r = s.analyse();
        RefinementPlanner.SetupPlan p = RefinementPlanner.plan(r.ucurves(), 4, 0.125).setups().get(0);
        assertEquals(0.01, p.bestLr());
        assertEquals(RefinementPlanner.Stop.TIED, p.stop(), p.why());
        assertTrue(p.add().isEmpty());
        assertTrue(p.why().contains("cannot be told from either neighbour (0.001, 0.1) over 3 seeds"), p.why());
        assertTrue(RefinementPlanner.plan(r.ucurves(), 4, 0.125).done());
    }

    @Test
    void aSetupWithoutAnAllOkLrIsNotRefined() {
        HandMadeSweep s = new HandMadeSweep();
        for (double lr : List.of(0.01, 0.1)) {
            for (int seed = 0; seed < 3; seed++) {
                s.trial("sgd", lr, 0.0, seed, seed == 0 ? "diverged" : "ok", 0.3, 5.0);
            }
        }
        RefinementPlanner.SetupPlan p = RefinementPlanner.plan(s.analyse().ucurves(), 4, 0.125).setups().get(0);
        assertEquals(RefinementPlanner.Stop.NO_BEST, p.stop());
        assertTrue(p.add().isEmpty());
    }
}
