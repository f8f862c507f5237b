package io.lrsweep.core.train;

import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.data.SplitData;
import io.lrsweep.core.model.Activation;
import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.optim.Adagrad;
import io.lrsweep.core.optim.Adam;
import io.lrsweep.core.optim.OptimizerSpec;
import io.lrsweep.core.optim.RmsProp;
import io.lrsweep.core.optim.Sgd;
import io.lrsweep.core.schedule.Monitor;
import io.lrsweep.core.schedule.PlateauSpec;
import io.lrsweep.core.schedule.Schedule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trials trained together by {@link FusedTrainer} get the very results they get alone from
 * {@link Trainer}: every epoch record compared bit for bit (records compare doubles with
 * {@code Double.compare}), the status, the plateau's reductions.
 */
class FusedTrainerTest {
    private static final Dataset TRAIN = TrainerTest.clusters(100, 1);
    private static final Dataset VAL = TrainerTest.clusters(60, 2);

    private static void assertSameAsAlone(List<TrialSettings> trials, Dataset train, Dataset val, long seed) {
        List<TrialResult> fused = FusedTrainer.train(trials, train, val, seed);
        assertEquals(trials.size(), fused.size());
        for (int k = 0; k < trials.size(); k++) {
            TrialResult alone = Trainer.train(trials.get(k), train, val, seed);
            TrialResult together = fused.get(k);
            String which = "trial " + k + " " + trials.get(k).optimizer();
            assertEquals(alone.status(), together.status(), which);
            assertEquals(alone.history(), together.history(), which);
            assertEquals(alone.lrReductions(), together.lrReductions(), which);
            assertEquals(alone.error(), together.error(), which);
        }
    }

    private static TrialSettings settings(ModelSpec model, int epochs, int batch, OptimizerSpec opt, PlateauSpec plateau,
                                          Schedule schedule) {
        return new TrialSettings(model, new TrainingSpec(epochs, batch, true, schedule), opt, plateau);
    }

    @Test
    void theReferenceLearningRatesOfOneSeedMatchTrainingEachAlone() {
        BlobsSpec blobs = BlobsSpec.reference();
        SplitData split = SplitData.of(Blobs.generate(blobs), blobs);
        Dataset train = new Dataset(split.train().features(), split.train().labels(), split.train().rows(), 2, 3);
        Dataset val = new Dataset(split.validation().features(), split.validation().labels(), split.validation().rows(), 2, 3);
        List<TrialSettings> trials = new ArrayList<>();
        for (double lr : new double[]{1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7}) {
            trials.add(settings(ModelSpec.reference(), 25, 32, new Sgd(lr, 0.0, false, 0.0), null, new Schedule.Constant()));
        }
        assertSameAsAlone(trials, train, val, 0);
        assertSameAsAlone(trials, train, val, 7);
    }

    @Test
    void everyOptimizerDecayPlateauScheduleAndEpochCountMatches() {
        ModelSpec model = new ModelSpec(List.of(8), Activation.RELU);
        PlateauSpec plateau = new PlateauSpec(Monitor.VAL_LOSS, 0.5, 2, 1e-3, 1, 0.0);
        Schedule constant = new Schedule.Constant();
        List<TrialSettings> trials = List.of(
                settings(model, 12, 16, new Sgd(0.1, 0.0, false, 0.0), null, constant),
                settings(model, 9, 16, new Sgd(0.05, 0.9, true, 1e-3), plateau, constant),
                settings(model, 12, 16, new Sgd(1.0, 0.5, false, 0.0), null, new Schedule.StepDecay(0.5, 3)),
                settings(model, 5, 16, new RmsProp(0.001, 0.9, 1e-7, 1e-2), plateau.withPatience(1), constant),
                settings(model, 12, 16, Adagrad.defaults(), null, new Schedule.ExponentialDecay(0.9)),
                settings(model, 12, 16, Adagrad.defaults(Adagrad.Variant.TF_KERAS), plateau, constant),
                settings(model, 7, 16, Adam.defaults(), null, constant),
                settings(model, 12, 16, new Adam(0.01, 0.9, 0.999, 1e-7, 1e-3), plateau.withPatience(0), constant));
        assertSameAsAlone(trials, TRAIN, VAL, 3);
    }

    @Test
    void deeperNetworksAndOtherActivationsMatch() {
        for (ModelSpec model : List.of(new ModelSpec(List.of(9, 5), Activation.TANH),
                new ModelSpec(List.of(4, 12, 3), Activation.SIGMOID), new ModelSpec(List.of(10, 10), Activation.RELU))) {
            List<TrialSettings> trials = List.of(
                    settings(model, 6, 7, new Sgd(0.3, 0.0, false, 0.0), null, new Schedule.Constant()),
                    settings(model, 6, 7, new Sgd(0.01, 0.9, false, 0.0), null, new Schedule.Constant()),
                    settings(model, 6, 7, Adam.defaults(), null, new Schedule.Constant()));
            assertSameAsAlone(trials, TRAIN, VAL, 11);
        }
    }

    @Test
    void aGroupLargerThanOnePassIsTrainedInPassesWithTheSameResults() {
        ModelSpec model = new ModelSpec(List.of(6), Activation.RELU);
        List<TrialSettings> trials = new ArrayList<>();
        for (int k = 0; k < FusedTrainer.MAX_MODELS_PER_PASS + 5; k++) {
            trials.add(settings(model, 4, 16, new Sgd(0.01 * (k + 1), k % 2 == 0 ? 0.0 : 0.9, false, 0.0), null,
                    new Schedule.Constant()));
        }
        assertSameAsAlone(trials, TRAIN, VAL, 9);
    }

    @Test
    void aDivergingTrialStopsAloneAndTheOthersGoOn() {
        ModelSpec model = new ModelSpec(List.of(8), Activation.RELU);
        List<TrialSettings> trials = List.of(
                settings(model, 10, 10, new Sgd(1e300, 0.0, false, 0.0), null, new Schedule.Constant()),
                settings(model, 10, 10, new Sgd(0.05, 0.0, false, 0.0), null, new Schedule.Constant()),
                settings(model, 10, 10, Adam.defaults(), null, new Schedule.Constant()));
        List<TrialResult> fused = FusedTrainer.train(trials, TRAIN, VAL, 5);
        assertEquals(TrialStatus.DIVERGED, fused.get(0).status());
        assertTrue(fused.get(0).epochsCompleted() < 10);
        assertEquals(TrialStatus.OK, fused.get(1).status());
        assertEquals(10, fused.get(2).epochsCompleted());
        assertSameAsAlone(trials, TRAIN, VAL, 5);
    }

    @Test
    void poisonedDataDivergesEveryTrialExactlyAsAlone() {
        double[] x = TRAIN.features().clone();
        x[2 * 37] = Double.POSITIVE_INFINITY;
        Dataset poisoned = new Dataset(x, TRAIN.labels(), TRAIN.rows(), 2, 3);
        ModelSpec model = new ModelSpec(List.of(8), Activation.RELU);
        List<TrialSettings> trials = List.of(
                settings(model, 5, 10, new Sgd(0.1, 0.0, false, 0.0), null, new Schedule.Constant()),
                settings(model, 5, 10, new RmsProp(0.01, 0.9, 1e-7, 0.0), null, new Schedule.Constant()));
        assertSameAsAlone(trials, poisoned, VAL, 1);
    }

    @Test
    void badDataFailsEachTrialAsAlone() {
        Dataset empty = new Dataset(new double[0], new int[0], 0, 2, 3);
        ModelSpec model = new ModelSpec(List.of(8), Activation.RELU);
        List<TrialSettings> trials = List.of(
                settings(model, 3, 8, Adam.defaults(), null, new Schedule.Constant()),
                settings(model, 3, 8, new Sgd(0.1, 0.0, false, 0.0), null, new Schedule.Constant()));
        List<TrialResult> fused = FusedTrainer.train(trials, TRAIN, empty, 1);
        for (TrialResult r : fused) {
            assertEquals(TrialStatus.FAILED, r.status());
        }
        assertSameAsAlone(trials, TRAIN, empty, 1);
    }

    @Test
    void onlyTrialsSharingModelBatchShuffleAndSeedFuse() {
        ModelSpec model = new ModelSpec(List.of(8), Activation.RELU);
        TrialSettings a = settings(model, 5, 16, new Sgd(0.1, 0.0, false, 0.0), null, new Schedule.Constant());
        TrialSettings b = settings(model, 9, 16, Adam.defaults(), PlateauSpec.kerasDefaults(), new Schedule.StepDecay(0.5, 2));
        TrialSettings otherBatch = settings(model, 5, 32, new Sgd(0.1, 0.0, false, 0.0), null, new Schedule.Constant());
        TrialSettings otherModel = settings(new ModelSpec(List.of(9), Activation.RELU), 5, 16, new Sgd(0.1, 0.0, false, 0.0),
                null, new Schedule.Constant());
        assertTrue(FusedTrainer.canFuse(a, 1, b, 1));
        assertFalse(FusedTrainer.canFuse(a, 1, b, 2));
        assertFalse(FusedTrainer.canFuse(a, 1, otherBatch, 1));
        assertFalse(FusedTrainer.canFuse(a, 1, otherModel, 1));
        assertEquals(FusionKey.of(a, 4), FusionKey.of(b, 4));
        assertThrows(IllegalArgumentException.class, () -> FusedTrainer.train(List.of(a, otherBatch), TRAIN, VAL, 1));
        assertEquals(List.of(), FusedTrainer.train(List.of(), TRAIN, VAL, 1));
    }
}
