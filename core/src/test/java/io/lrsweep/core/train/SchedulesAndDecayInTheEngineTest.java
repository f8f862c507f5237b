package io.lrsweep.core.train;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.model.Activation;
import io.lrsweep.core.model.LossFunction;
import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.model.Network;
import io.lrsweep.core.optim.Adam;
import io.lrsweep.core.optim.AdamW;
import io.lrsweep.core.optim.Sgd;
import io.lrsweep.core.random.SplitMix64;
import io.lrsweep.core.schedule.Cosine;
import io.lrsweep.core.schedule.OneCycle;
import io.lrsweep.core.schedule.Schedule;
import io.lrsweep.core.schedule.Triangular;
import io.lrsweep.core.schedule.WarmupStableDecay;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-update schedules and weight decay inside the engine: the recorded lr is the epoch's last
 * update's, a schedule that cannot run fails its trial alone, weight decay is recorded as Keras's
 * penalty and never lets a trial be filled in as frozen, and a group of them trains every trial
 * exactly as alone.
 */
class SchedulesAndDecayInTheEngineTest {
    private static final ModelSpec MODEL = new ModelSpec(List.of(8), Activation.RELU);

    private static TrialSettings trial(int epochs, int batch, io.lrsweep.core.optim.OptimizerSpec opt, Schedule s) {
        return EngineTest.settings(MODEL, epochs, batch, opt, null, s, LossFunction.KERAS_CLIPPED);
    }

    @Test
    void theLrOfAnEpochIsItsLastUpdatesAndEpochZeroShowsTheFirst() {
        // 100 rows in batches of 16: U = 7 updates per epoch, T = 70
        OneCycle oneCycle = OneCycle.pytorchDefaults();
        TrialResult r = Engine.train(trial(10, 16, new Sgd(0.5, 0.9, false, 0.0), oneCycle), EngineTest.TRAIN, EngineTest.VAL, 3);
        assertEquals(0.5 * oneCycle.factor(0, 7, 70), r.initial().lr(), 0.0, "epoch 0: the first update's lr, 0.5 / 25");
        assertEquals(0.02, r.initial().lr(), 1e-16, "PyTorch too computes 1 + (0.04 - 1): 0.04 + 4e-17");
        for (EpochRecord e : r.history()) {
            assertEquals(0.5 * oneCycle.factor(7L * e.epoch() - 1, 7, 70), e.lr(), 0.0, "epoch " + e.epoch());
        }
        assertEquals(0.5 / 25 / 1e4, r.history().get(9).lr(), 1e-18, "the last update runs at the final lr");
    }

    @Test
    void aScheduleThatCannotRunFailsItsTrialAloneWithTheReason() {
        // U = 1 (batch of all 100 rows), T = 10: pct_start 0.1 ends phase 1 at step 0, where PyTorch divides by zero
        List<TrialResult> rs = Engine.train(List.of(trial(10, 100, Sgd.defaults(), new OneCycle(0.1, 25, 1e4)),
                trial(10, 100, Sgd.defaults(), new Cosine(2, 0.0))), EngineTest.TRAIN, EngineTest.VAL, 1, EpochListener.NONE);
        assertEquals(TrialStatus.FAILED, rs.get(0).status());
        assertTrue(rs.get(0).error().contains("divides by zero"), rs.get(0).error());
        assertEquals(10, rs.get(1).epochsCompleted());
        assertNotEquals(TrialStatus.FAILED, rs.get(1).status());
    }

    @Test
    void coupledDecayRecordsKerasPenaltyAndDecoupledNone() {
        double wd = 1e-3;
        TrialResult r = Engine.train(trial(5, 16, new Adam(0.01, 0.9, 0.999, 1e-7, 0.0, wd), new Schedule.Constant()),
                EngineTest.TRAIN, EngineTest.VAL, 4);
        Network net = new Network(MODEL, 2, 3);
        double[] w = new double[net.parameterCount()];
        net.initialize(SplitMix64.stream(4, "init"), w, 0);
        assertEquals(wd * net.parameterBlock().kernelSumOfSquares(w), r.initial().l2Penalty(), 0.0,
                "epoch 0: wd x sum(w^2) over the initial kernels");
        for (EpochRecord e : r.history()) {
            assertTrue(e.l2Penalty() > 0.0, "epoch " + e.epoch());
        }
        TrialResult adamw = Engine.train(trial(5, 16, AdamW.defaults(), new Schedule.Constant()), EngineTest.TRAIN, EngineTest.VAL, 4);
        adamw.history().forEach(e -> assertEquals(0.0, e.l2Penalty(), 0.0));
        TrialResult none = Engine.train(trial(5, 16, Adam.defaults(), new Schedule.Constant()), EngineTest.TRAIN, EngineTest.VAL, 4);
        assertEquals(0.0, none.initial().l2Penalty(), 0.0);
        assertEquals(r.initial().valLoss(), none.initial().valLoss(), 0.0, "val_loss is the data loss alone");
    }

    @Test
    void aSaturatedNetWithWeightDecayKeepsTrainingInsteadOfBeingFilledIn() {
        Dataset[] blobs = EngineTest.reference();
        TrialSettings frozen = EngineTest.settings(ModelSpec.reference(), 40, 32, new Sgd(1e4, 0.0, false, 0.0), null,
                new Schedule.Constant(), LossFunction.KERAS_CLIPPED);
        TrialSettings decayed = EngineTest.settings(ModelSpec.reference(), 40, 32, new Sgd(1e4, 0.0, false, 0.0, 1e-9), null,
                new Schedule.Constant(), LossFunction.KERAS_CLIPPED);
        List<TrialResult> rs = Engine.train(List.of(frozen, decayed), blobs[0], blobs[1], 0, EpochListener.NONE);
        assertTrue(rs.get(0).statusReason().contains("filled in without training"), rs.get(0).statusReason());
        assertTrue(!rs.get(1).statusReason().contains("filled in"), rs.get(1).statusReason());
    }

    @Test
    void groupsOfEveryScheduleAndDecayMatchTrainingEachAlone() {
        List<TrialSettings> trials = List.of(
                trial(12, 16, new Sgd(0.1, 0.9, true, 0.0, 1e-3), new Cosine(2, 0.1)),
                trial(12, 16, new Sgd(0.5, 0.0, false, 0.0), new WarmupStableDecay(1, 0.25, 0.0)),
                trial(12, 16, AdamW.defaults(), OneCycle.pytorchDefaults()),
                trial(12, 16, new Adam(0.01, 0.9, 0.999, 1e-7, 1e-3, 1e-2), new Triangular(0.1, 1.5)),
                trial(9, 16, AdamW.defaults().withWeightDecay(0.1), new Cosine(0, 0.0)));
        EngineTest.assertSameAsAlone(trials, EngineTest.TRAIN, EngineTest.VAL, 3);
    }
}
