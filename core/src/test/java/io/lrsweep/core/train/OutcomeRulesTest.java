package io.lrsweep.core.train;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each outcome class on a hand-made history with a known answer. */
class OutcomeRulesTest {

    private static EpochRecord epoch(int e, double loss, double accuracy, double valLoss) {
        return new EpochRecord(e, 0.1, loss, accuracy, valLoss, accuracy, e == 0 ? Double.NaN : 0.5, 3.0);
    }

    private static final EpochRecord INITIAL = epoch(0, 1.1, 0.33, 1.1);

    @Test
    void finiteAndBelowTheInitialValLossIsOk() {
        OutcomeRules.Verdict v = OutcomeRules.judge(INITIAL, List.of(epoch(1, 0.9, 0.6, 0.95), epoch(2, 0.7, 0.7, 0.8)),
                true, null);
        assertEquals(TrialStatus.OK, v.status());
        assertEquals("final val_loss 0.8000 < initial 1.100", v.reason());
    }

    @Test
    void finiteButNotBelowTheInitialValLossIsStalled() {
        OutcomeRules.Verdict v = OutcomeRules.judge(INITIAL, List.of(epoch(1, 0.9, 0.6, 0.95), epoch(2, 1.0, 0.5, 1.1)),
                true, null);
        assertEquals(TrialStatus.STALLED, v.status(), "equal to the initial is not below it");
        assertTrue(v.reason().contains("not below"), v.reason());
    }

    @Test
    void aNonFiniteValueIsDivergedWhateverElse() {
        OutcomeRules.Verdict v = OutcomeRules.judge(INITIAL, List.of(epoch(1, 0.9, 0.6, 0.95), epoch(2, Double.NaN, 0.5, 0.5)),
                false, null);
        assertEquals(TrialStatus.DIVERGED, v.status());
        assertEquals("loss NaN at epoch 2", v.reason());
        OutcomeRules.Verdict atStart = OutcomeRules.judge(epoch(0, 1.0, 0.3, Double.POSITIVE_INFINITY), List.of(), false, null);
        assertEquals("val_loss Infinity at epoch 0", atStart.reason());
    }

    @Test
    void frozenWithRowsMisclassifiedIsSaturatedEvenBelowTheInitialLoss() {
        OutcomeRules.Verdict v = OutcomeRules.judge(INITIAL, List.of(epoch(1, 0.9, 0.75, 0.95), epoch(2, 0.9, 0.75, 0.95)),
                true, 1);
        assertEquals(TrialStatus.SATURATED, v.status());
        assertTrue(v.reason().startsWith("frozen from epoch 1"), v.reason());
        assertTrue(v.reason().contains("25.0% of training rows misclassified"), v.reason());
    }

    @Test
    void frozenWithEveryRowRightIsConverged() {
        OutcomeRules.Verdict v = OutcomeRules.judge(INITIAL, List.of(epoch(1, 0.01, 1.0, 2.0)), true, 1);
        assertEquals(TrialStatus.OK, v.status(), "a converged net is ok even when its val_loss rose");
        assertTrue(v.reason().startsWith("converged"), v.reason());
    }
}
