package io.lrsweep.job.analysis;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The U-curve and the setup slices on hand-made tables whose answers are worked out on paper:
 * <ul>
 *   <li>setup A (sgd, momentum 0): final val_loss = 0.5 + 0.2 (log10 lr - log10 3e-3)^2 plus a seed
 *       offset of -0.01, 0, +0.01 (seeds 0, 1, 2): a U with its minimum at lr 3e-3, seeds with a
 *       spread of exactly 0.01, and at lr 1 seed 2 diverged;</li>
 *   <li>setup B (sgd, momentum 0.9): seed 0's U has its minimum nearer 1e-2, seeds 1 and 2's nearer
 *       1e-1, so the bootstrap must hesitate between the two.</li>
 * </ul>
 */
class AnalysisTest {
    static final double[] LRS = {1e-4, 1e-3, 1e-2, 1e-1, 1.0};
    static final double[] INIT = {1.10, 1.12, 1.14};

    static AnalysisResult result;
    static Map<Double, UCurveSummary> ucurves = new HashMap<>();

    static double lossA(double lr, long seed) {
        double d = Math.log10(lr) - Math.log10(3e-3);
        return 0.5 + 0.2 * d * d + (seed - 1) * 0.01;
    }

    static double lossB(double lr, long seed) {
        double d = Math.log10(lr) - (seed == 0 ? -1.6 : -1.4);
        return 0.4 + 0.3 * d * d;
    }

    @BeforeAll
    static void analyse() {
        HandMadeSweep sweep = new HandMadeSweep();
        for (double lr : LRS) {
            for (int seed = 0; seed < 3; seed++) {
                boolean diverged = lr == 1.0 && seed == 2;
                sweep.trial("sgd", lr, 0.0, seed, diverged ? "diverged" : "ok", lossA(lr, seed), INIT[seed]);
                sweep.trial("sgd", lr, 0.9, seed, "ok", lossB(lr, seed), INIT[seed]);
            }
        }
        result = sweep.analyse();
        for (UCurveSummary u : result.ucurves()) {
            ucurves.put((Double) u.setting().get(SettingAxes.MOMENTUM), u);
        }
    }

    static SliceRow row(String axis, String slice, String value, String setup) {
        List<SliceRow> rows = result.ranking().slices().stream().filter(r -> r.axis().column().equals(axis)
                && r.slice().equals(slice) && r.value().equals(value) && (setup == null || r.setup().equals(setup))).toList();
        assertEquals(1, rows.size(), axis + " / " + slice + " / " + value + " / " + setup);
        return rows.get(0);
    }

    @Test
    void seedStatisticsHaveTheKnownSpreadAndAPositiveInterval() {
        SettingSummary s = result.summary(row("learning_rate", SliceRow.SETUP, "0.001", "momentum=0").setting());
        double base = lossA(1e-3, 1);
        assertEquals(base, s.finalValLoss().mean(), 1e-12);
        assertEquals(0.01, s.finalValLoss().std(), 1e-12);
        assertEquals(base - 0.01, s.finalValLoss().min(), 1e-12);
        assertEquals(base + 0.01, s.finalValLoss().max(), 1e-12);
        // Three seeds: the bootstrap interval is their range (one value drawn thrice is 1/27 > 2.5%).
        assertEquals(base - 0.01, s.finalValLoss().ciLow(), 1e-12);
        assertEquals(base + 0.01, s.finalValLoss().ciHigh(), 1e-12);
        // val_accuracy = epoch / (10 + seed) reaches 0.8 at epochs 8, 9 and 10; its best is 10 / (10 + seed).
        assertEquals(3, s.reachedTarget());
        assertEquals(9.0, s.epochsToTarget().mean(), 1e-12);
        assertEquals((1.0 + 10.0 / 11 + 10.0 / 12) / 3, s.bestValAccuracy().mean(), 1e-12);
        assertEquals(1.12, s.initValLoss(), 1e-12);
    }

    @Test
    void aDivergedTrialIsCountedAndNeverAveraged() {
        SliceRow r = row("learning_rate", SliceRow.SETUP, "1", "momentum=0");
        SettingSummary s = result.summary(r.setting());
        assertEquals(3, s.trials().trials());
        assertEquals(2, s.count(io.lrsweep.core.train.TrialStatus.OK));
        assertEquals(1, s.count(io.lrsweep.core.train.TrialStatus.DIVERGED));
        assertEquals(4, s.firstDivergenceEpoch());
        assertEquals((lossA(1.0, 0) + lossA(1.0, 1)) / 2, s.finalValLoss().mean(), 1e-12);
        assertEquals((1.0 + 10.0 / 11) / 2, s.bestValAccuracy().mean(), 1e-12);
        assertNull(s.finalValLoss().ciLow(), "two finished seeds: no interval");
        assertEquals(5, r.rank(), "a setting with a diverged seed ranks last");
        assertEquals(Boolean.FALSE, r.vsBest().indistinguishable(), "and is never tied with the best");
        // On the momentum axis at lr 1, momentum 0.9 (all ok) ranks before momentum 0 (one diverged).
        assertEquals(1, row("momentum", SliceRow.SETUP, "0.9", "lr=1").rank());
        assertEquals(2, row("momentum", SliceRow.SETUP, "0", "lr=1").rank());
    }

    @Test
    void onlyVaryingAxesAppear() {
        assertEquals(List.of(SettingAxes.LEARNING_RATE, SettingAxes.MOMENTUM), result.ranking().varying());
        long setupRows = result.ranking().slices().stream().filter(r -> !r.profile()).count();
        long profileRows = result.ranking().slices().stream().filter(SliceRow::profile).count();
        assertEquals(2 * 5 + 5 * 2, setupRows);
        assertEquals(5 + 2, profileRows, "a profile row per lr and per momentum");
    }

    @Test
    void theUCurveFindsTheKnownMinimum() {
        UCurveSummary a = ucurves.get(0.0);
        assertNotNull(a);
        assertEquals(5, a.lrs().size());
        assertEquals(15, a.counts().trials());
        assertEquals(1, a.counts().diverged());
        assertEquals(1e-3, a.bestLr());
        assertEquals(lossA(1e-3, 1), a.bestValue(), 1e-12);
        // Every resample shifts all learning rates alike: the best never changes.
        assertEquals(1e-3, a.bestLrLow(), 1e-15);
        assertEquals(1e-3, a.bestLrHigh(), 1e-15);
        assertEquals(1.0, a.bestLrSupport());
        // 1e-2 is within 10% of the best; 1e-4 and 1e-1 are not.
        assertEquals(1e-3, a.basinLrMin());
        assertEquals(1e-2, a.basinLrMax());
        assertEquals(1.0, a.basinDecades(), 1e-12);
        assertEquals(0.1, a.largestStableLr(), "lr 1 diverged on one seed");
        assertEquals("diverged", a.unstableAbove().label);
        // Accuracy 1 - loss/2 against 1/3 at init: 1e-2 gains 99% of the best's gain, 1e-4 and 1e-1 about half.
        assertEquals(1e-3, a.usefulLrMin());
        assertEquals(1e-2, a.usefulLrMax());
        assertEquals(1.0 / 3.0, a.initValAccuracy(), 1e-12);
        // The seed means lie exactly on the parabola: the fit recovers its vertex and curvature.
        assertEquals("ok", a.fitStatus());
        assertEquals(3, a.fitPoints());
        assertEquals(3e-3, a.fitLr(), 1e-12);
        assertEquals(0.5, a.fitValue(), 1e-12);
        assertEquals(0.4, a.fitCurvature(), 1e-9);
        assertEquals(1.12, a.initValLoss(), 1e-12);
        assertNull(a.bestEdge());
        assertNull(a.basinEdge());
        // Seed offsets are the same at every lr: 1e-2 is worse than 1e-3 by exactly the same on each seed.
        assertEquals(List.of(), a.tiedLrs());
    }

    @Test
    void lrSensitivityFollowsWortsman() {
        double sum = 0.0;
        double min = Double.POSITIVE_INFINITY;
        for (double lr : LRS) {
            double m = 0.0;
            for (int seed = 0; seed < 3; seed++) {
                double l = lr == 1.0 && seed == 2 ? Double.POSITIVE_INFINITY : lossA(lr, seed);
                m += Math.min(l, INIT[seed]) / 3;
            }
            sum += m;
            min = Math.min(min, m);
        }
        UCurveSummary a = ucurves.get(0.0);
        assertEquals(sum / LRS.length - min, a.lrSensitivity(), 1e-12);
        assertTrue(a.lrSensitivity() > 0.2, "a narrow U is sensitive: " + a.lrSensitivity());
    }

    @Test
    void theBootstrapHesitatesWhereTheSeedsDisagree() {
        UCurveSummary b = ucurves.get(0.9);
        assertEquals(0.1, b.bestLr(), "seeds 1 and 2 outvote seed 0");
        assertEquals(0.01, b.bestLrLow(), 1e-15);
        assertEquals(0.1, b.bestLrHigh(), 1e-15);
        // 1e-2 wins when seed 0 is drawn at least twice of three: 7/27 of resamples.
        assertEquals(20.0 / 27, b.bestLrSupport(), 0.04);
        assertEquals(1.0, b.largestStableLr());
        assertNull(b.unstableAbove(), "nothing above the grid's top");
        // Mean losses: 0.488 at 1e-2, 0.468 at 1e-1, 1.048 at 1: the basin (within 10%) is 1e-2 to 1e-1.
        assertEquals(0.01, b.basinLrMin());
        assertEquals(0.1, b.basinLrMax());
        assertNull(b.basinEdge());
        assertFalse(b.tiedLrs().contains(1e-4));
        assertTrue(b.tiedLrs().contains(0.01), "seed 0 prefers 1e-2: the paired differences straddle 0");
    }
}
