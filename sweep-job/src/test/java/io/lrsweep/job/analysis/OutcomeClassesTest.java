package io.lrsweep.job.analysis;

import io.lrsweep.core.train.TrialStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each outcome class on a hand-made U of plain SGD over lr 1e-4 .. 10 with three seeds (initial
 * val_loss 1.1): lr 1e-4 stalled (its loss stays at 1.15, above the initial), 1e-3 to 1e-1 ok, lr 1
 * saturated on every seed with a loss of 4.4 (a frozen net: 4x the initial loss), lr 3 saturated on
 * one seed, lr 10 diverged on one seed and failed on another. The right answers: a frozen or stalled
 * net is counted in the means (its loss is real) but never recommended; the U-curve shows it;
 * "stable up to" stops below the first lr where some seed did not end ok and says why.
 */
class OutcomeClassesTest {

    static AnalysisResult analyse() {
        HandMadeSweep s = new HandMadeSweep();
        double[] lrs = {1e-4, 1e-3, 1e-2, 1e-1, 1, 3, 10};
        for (double lr : lrs) {
            for (int seed = 0; seed < 3; seed++) {
                String status = lr == 1e-4 ? "stalled" : lr == 1 ? "saturated" : lr == 3 && seed == 0 ? "saturated"
                        : lr == 10 && seed == 1 ? "diverged" : lr == 10 && seed == 2 ? "failed" : "ok";
                double loss = lr == 1e-4 ? 1.15 : lr == 1 ? 4.4 : lr == 3 ? 0.9 : lr == 10 ? 1.0
                        : 0.4 + 0.1 * Math.abs(Math.log10(lr) + 2) + 0.001 * seed;
                s.trial("sgd", lr, 0.0, seed, status, loss, 1.1);
            }
        }
        return s.analyse();
    }

    @Test
    void everyClassIsCountedAndOnlyFinishedTrialsAreAveraged() {
        AnalysisResult r = analyse();
        Map<Double, SettingSummary> byLr = new java.util.HashMap<>();
        r.summaries().values().forEach(s -> byLr.put(s.setting().learningRate(), s));
        assertEquals(3, byLr.get(1e-4).count(TrialStatus.STALLED));
        assertEquals(1.15, byLr.get(1e-4).finalValLoss().mean(), 1e-12, "a stalled trial's loss is averaged");
        assertEquals(3, byLr.get(1.0).count(TrialStatus.SATURATED));
        assertEquals(4.4, byLr.get(1.0).finalValLoss().mean(), 1e-12, "so is a frozen net's");
        SettingSummary ten = byLr.get(10.0);
        assertEquals(List.of(1, 1, 1), List.of(ten.count(TrialStatus.OK), ten.count(TrialStatus.DIVERGED),
                ten.count(TrialStatus.FAILED)));
        assertEquals(1, ten.finalValLoss().n(), "diverged and failed trials have no final values");
        assertEquals(4, ten.firstDivergenceEpoch());
        // Saturated trials stop at epoch 6 here; epochs to target count from their recorded epochs.
        assertEquals(0, byLr.get(1.0).reachedTarget());
    }

    @Test
    void onlyAllOkSettingsAreRecommendedAndStableStopsAtTheFirstClass() {
        AnalysisResult r = analyse();
        assertEquals(0.01, r.best().setting().learningRate(), "the bottom of the U");
        UCurveSummary u = r.ucurves().get(0);
        assertEquals(0.01, u.bestLr());
        assertEquals(0.1, u.largestStableLr(), "lr 1 saturated");
        assertEquals(TrialStatus.SATURATED, u.unstableAbove());
        assertEquals(new UCurveSummary.StatusCounts(21, 12, 1, 4, 3, 1), u.counts());
        assertTrue(u.largestStableLr() < 1.0, "largest_stable_lr is below 1");
        assertFalse(r.ranking().settings().stream().filter(s -> s.setting().learningRate() == 3.0).findFirst()
                .orElseThrow().recommendable());
        String line = Verdict.of(r).setups().get(0);
        assertTrue(line.contains("use lr 0.01") && line.contains("stable up to 0.1, saturated above"), line);
    }

    @Test
    void aLowerLossOnASaturatedSettingDoesNotWin() {
        HandMadeSweep s = new HandMadeSweep();
        for (int seed = 0; seed < 3; seed++) {
            s.trial("sgd", 0.01, 0.0, seed, "ok", 0.5, 1.1);
            s.trial("sgd", 0.1, 0.0, seed, seed == 0 ? "saturated" : "ok", 0.3, 1.1);
        }
        AnalysisResult r = s.analyse();
        assertEquals(0.01, r.best().setting().learningRate());
        SliceRow frozen = r.ranking().slices().stream().filter(x -> x.setting().setting().learningRate() == 0.1
                && x.profile()).findFirst().orElseThrow();
        assertEquals(2, frozen.rank(), "recommendable settings rank first");
        assertEquals(Boolean.FALSE, frozen.vsBest().indistinguishable());
        assertEquals(0.01, r.ucurves().get(0).largestStableLr());
        assertEquals(TrialStatus.SATURATED, r.ucurves().get(0).unstableAbove());
    }

    @Test
    void anUnknownStatusIsRefusedByName() {
        HandMadeSweep s = new HandMadeSweep().trial("sgd", 0.1, 0.0, 0, "exploded", 0.5, 1.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::analyse);
        assertTrue(e.getMessage().contains("exploded") && e.getMessage().contains("saturated"), e.getMessage());
    }
}
