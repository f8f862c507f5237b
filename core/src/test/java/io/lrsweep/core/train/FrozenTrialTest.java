package io.lrsweep.core.train;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.model.Activation;
import io.lrsweep.core.model.LossFunction;
import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.optim.Adam;
import io.lrsweep.core.optim.OptimizerSpec;
import io.lrsweep.core.optim.RmsProp;
import io.lrsweep.core.optim.Sgd;
import io.lrsweep.core.schedule.Monitor;
import io.lrsweep.core.schedule.PlateauSpec;
import io.lrsweep.core.schedule.Schedule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saturated trials: a net frozen by the clipped loss is classified, and once nothing can move it
 * its remaining epochs are filled in without training, exactly as training them would record them.
 */
class FrozenTrialTest {
    private static final Dataset[] BLOBS = EngineTest.reference();

    private static TrialSettings trial(OptimizerSpec opt, int epochs, PlateauSpec plateau) {
        return EngineTest.settings(ModelSpec.reference(), epochs, 32, opt, plateau, new Schedule.Constant(),
                LossFunction.KERAS_CLIPPED);
    }

    private static List<TrialResult> both(TrialSettings t) {
        TrialResult filled = Engine.train(List.of(t), BLOBS[0], BLOBS[1], 0, EpochListener.NONE, Engine.Hooks.NONE).get(0);
        Engine.Hooks trainAll = new Engine.Hooks(Engine.Hooks.NONE.faults(), false);
        TrialResult trained = Engine.train(List.of(t), BLOBS[0], BLOBS[1], 0, EpochListener.NONE, trainAll).get(0);
        return List.of(filled, trained);
    }

    @Test
    void aFrozenSgdTrialIsFilledInExactlyAsTrainingWouldRecordIt() {
        // With the plateau controller on the training loss: the loss of a frozen net still moves in
        // its last bits with the batch order, and the controller must see exactly those bits.
        PlateauSpec plateau = new PlateauSpec(Monitor.LOSS, 0.5, 3, 0.0, 0, 0.0);
        for (TrialSettings t : List.of(trial(new Sgd(1000.0, 0.0, false, 0.0), 60, null),
                trial(new Sgd(1000.0, 0.0, false, 0.0), 60, plateau), trial(new Sgd(1000.0, 0.9, false, 1e-3), 60, null),
                trial(new RmsProp(1000.0, 0.9, 1e-7, 0.0), 60, null))) {
            List<TrialResult> r = both(t);
            TrialResult filled = r.get(0);
            TrialResult trained = r.get(1);
            assertEquals(TrialStatus.SATURATED, trained.status(), trained.statusReason());
            assertNotNull(trained.frozenEpoch());
            assertTrue(trained.frozenEpoch() < 50, "frozen early: " + trained.frozenEpoch());
            EngineTest.assertSameResult(new TrialResult(trained.status(), filled.statusReason(), trained.initial(),
                    trained.history(), trained.frozenEpoch(), trained.lrReductions(), 0, null), filled, t.optimizer().toString());
            assertTrue(filled.statusReason().contains("filled in without training"), filled.statusReason());
            assertTrue(filled.statusReason().startsWith(trained.statusReason()), filled.statusReason());
            assertTrue(filled.trainMillis() <= trained.trainMillis() + 5, "filling in is not slower than training");
        }
    }

    @Test
    void adamIsNotFilledInWhileItsFirstMomentCanStillMoveAWeight() {
        // Adam at lr 1 freezes within ~25 epochs, but its first moment decays only geometrically:
        // it stays non-zero for thousands of updates, so every epoch is trained.
        TrialSettings t = trial(Adam.defaults().withLearningRate(1.0), 60, null);
        List<TrialResult> r = both(t);
        EngineTest.assertSameResult(r.get(1), r.get(0), "adam");
        assertEquals(TrialStatus.SATURATED, r.get(0).status(), r.get(0).statusReason());
        assertTrue(!r.get(0).statusReason().contains("filled in"), r.get(0).statusReason());
        int from = r.get(0).frozenEpoch();
        for (int e = from; e <= 60; e++) {
            EpochRecord rec = r.get(0).history().get(e - 1);
            assertEquals(0.0, rec.gradNorm(), 0.0, "no gradient in frozen epoch " + e);
            assertEquals(r.get(0).last().weightNorm(), rec.weightNorm(), 0.0, "weights unchanged in epoch " + e);
            assertEquals(r.get(0).last().valLoss(), rec.valLoss(), 0.0);
        }
        assertTrue(r.get(0).last().accuracy() < 1.0);
    }

    @Test
    void aTrialThatLearnsIsNeitherFrozenNorFilled() {
        TrialResult r = Engine.train(trial(new Sgd(0.01, 0.0, false, 0.0), 30, null), BLOBS[0], BLOBS[1], 0);
        assertEquals(TrialStatus.OK, r.status(), r.statusReason());
        assertNull(r.frozenEpoch());
    }

    @Test
    void frozenTrialsInAGroupMatchThemselvesAlone() {
        ModelSpec model = new ModelSpec(List.of(6), Activation.RELU);
        List<TrialSettings> trials = List.of(
                EngineTest.settings(model, 40, 32, new Sgd(1e4, 0.0, false, 0.0), null, new Schedule.Constant(), LossFunction.KERAS_CLIPPED),
                EngineTest.settings(model, 40, 32, new Sgd(0.05, 0.0, false, 0.0), null, new Schedule.Constant(), LossFunction.KERAS_CLIPPED),
                EngineTest.settings(model, 25, 32, new Sgd(1e4, 0.9, false, 0.0), null, new Schedule.Constant(), LossFunction.KERAS_CLIPPED));
        EngineTest.assertSameAsAlone(trials, BLOBS[0], BLOBS[1], 2);
    }
}
