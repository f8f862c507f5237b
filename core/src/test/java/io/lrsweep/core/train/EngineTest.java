package io.lrsweep.core.train;

import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.data.SplitData;
import io.lrsweep.core.model.Activation;
import io.lrsweep.core.model.Kernel;
import io.lrsweep.core.model.LossFunction;
import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.model.Network;
import io.lrsweep.core.optim.Adagrad;
import io.lrsweep.core.optim.Adam;
import io.lrsweep.core.optim.Optimizer;
import io.lrsweep.core.optim.OptimizerSpec;
import io.lrsweep.core.optim.RmsProp;
import io.lrsweep.core.optim.Sgd;
import io.lrsweep.core.random.SplitMix64;
import io.lrsweep.core.schedule.Monitor;
import io.lrsweep.core.schedule.PlateauSpec;
import io.lrsweep.core.schedule.Schedule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's Keras-fit semantics and its group guarantee: a trial trained in any group gets
 * exactly the result it gets alone (every record compared bit for bit: records compare doubles
 * with {@code Double.compare}).
 */
class EngineTest {

    /** Three noisy, mostly separable clusters in 2-D; deterministic. */
    static Dataset clusters(int rows, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] x = new double[rows * 2];
        int[] y = new int[rows];
        double[][] centers = {{-3, 0}, {3, 0}, {0, 4}};
        for (int i = 0; i < rows; i++) {
            int c = rng.nextInt(3);
            y[i] = c;
            x[2 * i] = centers[c][0] + 3 * (rng.nextDouble() - 0.5);
            x[2 * i + 1] = centers[c][1] + 3 * (rng.nextDouble() - 0.5);
        }
        return new Dataset(x, y, rows, 2, 3);
    }

    static final Dataset TRAIN = clusters(100, 1);
    static final Dataset VAL = clusters(60, 2);

    static Dataset[] reference() {
        SplitData blobs = SplitData.of(Blobs.generate(BlobsSpec.reference()), 0.5, false);
        return new Dataset[]{
                new Dataset(blobs.train().features(), blobs.train().labels(), blobs.train().rows(), 2, 3),
                new Dataset(blobs.validation().features(), blobs.validation().labels(), blobs.validation().rows(), 2, 3)};
    }

    static TrialSettings settings(ModelSpec model, int epochs, int batch, OptimizerSpec opt, PlateauSpec plateau,
                                  Schedule schedule, LossFunction loss) {
        return new TrialSettings(model, new TrainingSpec(epochs, batch, true, schedule, loss), opt, plateau);
    }

    private static TrialSettings settings(int epochs, int batch, OptimizerSpec opt, PlateauSpec plateau) {
        return settings(new ModelSpec(List.of(8), Activation.RELU), epochs, batch, opt, plateau, new Schedule.Constant(),
                LossFunction.KERAS_CLIPPED);
    }

    static void assertSameResult(TrialResult expected, TrialResult actual, String which) {
        assertEquals(expected.status(), actual.status(), which);
        assertEquals(expected.statusReason(), actual.statusReason(), which);
        assertEquals(expected.initial(), actual.initial(), which);
        assertEquals(expected.history(), actual.history(), which);
        assertEquals(expected.frozenEpoch(), actual.frozenEpoch(), which);
        assertEquals(expected.lrReductions(), actual.lrReductions(), which);
        assertEquals(expected.error(), actual.error(), which);
    }

    /** Trained together, in this order and reversed, each trial gets what it gets alone. */
    static void assertSameAsAlone(List<TrialSettings> trials, Dataset train, Dataset val, long seed) {
        List<TrialResult> together = Engine.train(trials, train, val, seed, EpochListener.NONE);
        List<TrialSettings> reversed = new ArrayList<>(trials);
        Collections.reverse(reversed);
        List<TrialResult> backwards = Engine.train(reversed, train, val, seed, EpochListener.NONE);
        assertEquals(trials.size(), together.size());
        for (int k = 0; k < trials.size(); k++) {
            TrialResult alone = Engine.train(trials.get(k), train, val, seed);
            String which = "trial " + k + " " + trials.get(k).optimizer() + " " + trials.get(k).training();
            assertSameResult(alone, together.get(k), which);
            assertSameResult(alone, backwards.get(trials.size() - 1 - k), which + " (group reversed)");
        }
    }

    @Test
    void historyHasEpochZeroThenOneRecordPerEpochAndLearns() {
        TrialResult r = Engine.train(settings(30, 16, new Sgd(0.1, 0.0, false, 0.0), null), TRAIN, VAL, 3);
        assertEquals(TrialStatus.OK, r.status(), r.statusReason());
        assertEquals(0, r.initial().epoch());
        assertEquals(30, r.epochsCompleted());
        for (int e = 0; e < 30; e++) {
            assertEquals(e + 1, r.history().get(e).epoch());
            assertEquals(0.1, r.history().get(e).lr(), 0.0);
            assertTrue(r.history().get(e).gradNorm() > 0.0);
        }
        assertTrue(Double.isNaN(r.initial().gradNorm()), "no gradient before the first update");
        assertTrue(r.last().loss() < r.history().get(0).loss(), "training loss falls");
        assertTrue(r.last().valAccuracy() > 0.9, "separable clusters are learnt: " + r.last().valAccuracy());
        assertNull(r.error());
    }

    @Test
    void bitIdenticalForTheSameSeedAndDifferentForAnother() {
        TrialSettings s = settings(10, 7, new Sgd(0.05, 0.9, true, 1e-3), PlateauSpec.kerasDefaults().withPatience(2));
        TrialResult a = Engine.train(s, TRAIN, VAL, 11);
        TrialResult b = Engine.train(s, TRAIN, VAL, 11);
        TrialResult c = Engine.train(s, TRAIN, VAL, 12);
        assertSameResult(a, b, "same seed");
        assertNotEquals(a.history(), c.history());
    }

    @Test
    void epochZeroAndAnEpochByHand() {
        // Redo epoch 0 and epoch 1 with the engine's own parts: 100 rows in batches of 32 -> 32, 32, 32, 4.
        Sgd sgd = new Sgd(0.2, 0.0, false, 0.0);
        TrialSettings s = settings(1, 32, sgd, null);
        TrialResult r = Engine.train(s, TRAIN, VAL, 5);
        Network net = new Network(new int[]{2, 8, 3}, Activation.RELU);
        Kernel kernel = new Kernel(net, 64);
        double[] p = new double[net.parameterCount()];
        net.initialize(SplitMix64.stream(5, "init"), p, 0);
        Kernel.Evaluation t0 = kernel.evaluateAll(LossFunction.KERAS_CLIPPED, p, TRAIN);
        Kernel.Evaluation v0 = kernel.evaluateAll(LossFunction.KERAS_CLIPPED, p, VAL);
        assertEquals(new EpochRecord(0, 0.2, t0.lossSum() / 100, t0.correct() / 100.0, v0.lossSum() / 60, v0.correct() / 60.0,
                Double.NaN, kernel.norm(p)), r.initial());

        int[] order = new int[100];
        for (int i = 0; i < 100; i++) {
            order[i] = i;
        }
        SplitMix64.stream(5, "shuffle").shuffle(order);
        double[] g = new double[p.length];
        Optimizer opt = new Optimizer(sgd, p.length);
        double lossSum = 0.0;
        int correct = 0;
        double gradNorms = 0.0;
        int start = 0;
        for (int size : new int[]{32, 32, 32, 4}) {
            kernel.loadBatch(TRAIN, order, start, size);
            kernel.trainStep(LossFunction.KERAS_CLIPPED, p, g);
            for (int b = 0; b < size; b++) {
                lossSum = lossSum + kernel.rowLoss(b);
            }
            correct += kernel.correct();
            gradNorms = gradNorms + kernel.norm(g);
            opt.step(p, g, 0.2);
            start += size;
        }
        Kernel.Evaluation v1 = kernel.evaluateAll(LossFunction.KERAS_CLIPPED, p, VAL);
        assertEquals(new EpochRecord(1, 0.2, lossSum / 100, correct / 100.0, v1.lossSum() / 60, v1.correct() / 60.0,
                gradNorms / 4, kernel.norm(p)), r.last(), "the rows' losses before each update, summed in batch order");
        assertEquals(4, opt.updates());
    }

    @Test
    void recordedLrIncludesTimeBasedDecayOfTheEpochsLastUpdate() {
        // 100 rows / batch 25 = 4 updates per epoch; last update of epoch e has t = 4e + 3
        TrialResult r = Engine.train(settings(5, 25, new Sgd(0.01, 0.0, false, 0.1), null), TRAIN, VAL, 1);
        assertEquals(0.01, r.initial().lr(), 0.0, "epoch 0 shows the first update's lr");
        for (int e = 0; e < 5; e++) {
            assertEquals(0.01 / (1 + 0.1 * (4 * e + 3)), r.history().get(e).lr(), 1e-18);
        }
    }

    @Test
    void plateauCutsApplyFromTheNextEpochAndAreCounted() {
        // min_delta huge: no epoch after the first counts as an improvement, so with patience 1
        // the lr is cut after epochs 2, 3, 4 ...
        PlateauSpec plateau = new PlateauSpec(Monitor.VAL_LOSS, 0.5, 1, 1e9, 0, 0.0);
        TrialResult r = Engine.train(settings(5, 50, new Sgd(0.1, 0.0, false, 0.0), plateau), TRAIN, VAL, 1);
        double[] expected = {0.1, 0.1, 0.05, 0.025, 0.0125};
        for (int e = 0; e < 5; e++) {
            assertEquals(expected[e], r.history().get(e).lr(), 0.0, "epoch " + (e + 1));
        }
        assertEquals(4, r.lrReductions());
    }

    @Test
    void scheduleMultipliesTheBaseRate() {
        TrialSettings s = new TrialSettings(new ModelSpec(List.of(4), Activation.TANH),
                new TrainingSpec(5, 100, false, new Schedule.StepDecay(0.5, 2)), new Sgd(0.1, 0.0, false, 0.0), null);
        TrialResult r = Engine.train(s, TRAIN, VAL, 1);
        double[] expected = {0.1, 0.1, 0.05, 0.05, 0.025};
        for (int e = 0; e < 5; e++) {
            assertEquals(expected[e], r.history().get(e).lr(), 0.0);
        }
    }

    @Test
    void nonFiniteDataEndsTheTrialAsDivergedAtEpochZero() {
        // The clipped loss stays finite however large the lr, so the overflow comes through the data.
        double[] x = TRAIN.features().clone();
        x[2 * 37] = Double.POSITIVE_INFINITY;
        Dataset poisoned = new Dataset(x, TRAIN.labels(), TRAIN.rows(), 2, 3);
        TrialResult r = Engine.train(settings(50, 10, new Sgd(0.1, 0.0, false, 0.0), null), poisoned, VAL, 1);
        assertEquals(TrialStatus.DIVERGED, r.status());
        assertEquals(0, r.epochsCompleted(), "the net at initialisation already shows it");
        assertTrue(Double.isNaN(r.initial().loss()), r.initial().toString());
        assertTrue(r.statusReason().contains("epoch 0"), r.statusReason());
        assertNull(r.error(), "divergence is a result, not an error");
    }

    @Test
    void anOverflowingLogSoftmaxTrialDivergesWhereTheClippedOneFreezes() {
        ModelSpec model = new ModelSpec(List.of(8), Activation.RELU);
        Sgd huge = new Sgd(1e300, 0.0, false, 0.0);
        TrialResult logits = Engine.train(settings(model, 10, 10, huge, null, new Schedule.Constant(), LossFunction.LOG_SOFTMAX),
                TRAIN, VAL, 5);
        assertEquals(TrialStatus.DIVERGED, logits.status(), logits.statusReason());
        assertTrue(logits.epochsCompleted() < 10);
        TrialResult clipped = Engine.train(settings(model, 10, 10, huge, null, new Schedule.Constant(),
                LossFunction.KERAS_CLIPPED), TRAIN, VAL, 5);
        assertNotEquals(TrialStatus.OK, clipped.status(), clipped.statusReason());
    }

    @Test
    void badDataFailsTheWholeGroupWithTheMessage() {
        Dataset empty = new Dataset(new double[0], new int[0], 0, 2, 3);
        List<TrialResult> rs = Engine.train(List.of(settings(3, 8, Adam.defaults(), null),
                settings(3, 8, new Sgd(0.1, 0.0, false, 0.0), null)), TRAIN, empty, 1, EpochListener.NONE);
        for (TrialResult r : rs) {
            assertEquals(TrialStatus.FAILED, r.status());
            assertTrue(r.error().contains("validation"), r.error());
            assertEquals(0, r.epochsCompleted());
            assertNull(r.initial());
        }
    }

    @Test
    void anErrorInsideOneTrialFailsThatTrialOnlyAndNothingIsRetried() {
        List<TrialSettings> trials = List.of(settings(6, 16, new Sgd(0.1, 0.0, false, 0.0), null),
                settings(6, 16, Adam.defaults(), null), settings(6, 16, new Sgd(0.01, 0.9, false, 0.0), null));
        AtomicInteger calls = new AtomicInteger();
        Engine.Hooks hooks = new Engine.Hooks((trial, epoch) -> {
            if (trial == 1) {
                calls.incrementAndGet();
                if (epoch == 3) {
                    throw new IllegalStateException("injected at epoch 3");
                }
            }
        }, true);
        List<TrialResult> rs = Engine.train(trials, TRAIN, VAL, 4, EpochListener.NONE, hooks);
        TrialResult failed = rs.get(1);
        assertEquals(TrialStatus.FAILED, failed.status());
        assertEquals("IllegalStateException: injected at epoch 3", failed.error());
        assertEquals(2, failed.epochsCompleted(), "its history up to the error stays");
        assertEquals(4, calls.get(), "epochs 0..3 once each: nothing ran again after the error");
        assertSameResult(Engine.train(trials.get(0), TRAIN, VAL, 4), rs.get(0), "the others go on");
        assertSameResult(Engine.train(trials.get(2), TRAIN, VAL, 4), rs.get(2), "the others go on");
    }

    @Test
    void theListenerHearsEveryTrialEpoch() {
        List<TrialSettings> trials = List.of(settings(3, 16, new Sgd(0.1, 0.0, false, 0.0), null),
                settings(5, 16, Adam.defaults(), null));
        AtomicInteger heard = new AtomicInteger();
        List<Integer> calls = new ArrayList<>();
        Engine.train(trials, TRAIN, VAL, 4, n -> {
            heard.addAndGet(n);
            calls.add(n);
        });
        assertEquals(8, heard.get());
        assertEquals(List.of(2, 2, 2, 1, 1), calls);
    }

    @Test
    void onlyTrialsSharingModelBatchShuffleAndSeedGroup() {
        ModelSpec model = new ModelSpec(List.of(8), Activation.RELU);
        TrialSettings a = settings(5, 16, new Sgd(0.1, 0.0, false, 0.0), null);
        TrialSettings b = settings(model, 9, 16, Adam.defaults(), PlateauSpec.kerasDefaults(), new Schedule.StepDecay(0.5, 2),
                LossFunction.LOG_SOFTMAX);
        TrialSettings otherBatch = settings(5, 32, new Sgd(0.1, 0.0, false, 0.0), null);
        assertEquals(GroupKey.of(a, 4), GroupKey.of(b, 4));
        assertNotEquals(GroupKey.of(a, 4), GroupKey.of(b, 5));
        assertNotEquals(GroupKey.of(a, 4), GroupKey.of(otherBatch, 4));
        assertThrows(IllegalArgumentException.class, () -> Engine.train(List.of(a, otherBatch), TRAIN, VAL, 1, EpochListener.NONE));
        assertEquals(List.of(), Engine.train(List.of(), TRAIN, VAL, 1, EpochListener.NONE));
    }

    @Test
    void theReferenceLearningRatesOfOneSeedMatchTrainingEachAlone() {
        Dataset[] blobs = reference();
        List<TrialSettings> trials = new ArrayList<>();
        for (double lr : new double[]{1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7}) {
            trials.add(settings(ModelSpec.reference(), 25, 32, new Sgd(lr, 0.0, false, 0.0), null, new Schedule.Constant(),
                    LossFunction.KERAS_CLIPPED));
        }
        assertSameAsAlone(trials, blobs[0], blobs[1], 0);
    }

    @Test
    void everyOptimizerDecayPlateauScheduleLossAndEpochCountMatches() {
        ModelSpec model = new ModelSpec(List.of(8), Activation.RELU);
        PlateauSpec plateau = new PlateauSpec(Monitor.VAL_LOSS, 0.5, 2, 1e-3, 1, 0.0);
        Schedule constant = new Schedule.Constant();
        LossFunction clipped = LossFunction.KERAS_CLIPPED;
        List<TrialSettings> trials = List.of(
                settings(model, 12, 16, new Sgd(0.1, 0.0, false, 0.0), null, constant, clipped),
                settings(model, 9, 16, new Sgd(0.05, 0.9, true, 1e-3), plateau, constant, LossFunction.LOG_SOFTMAX),
                settings(model, 12, 16, new Sgd(1.0, 0.5, false, 0.0), null, new Schedule.StepDecay(0.5, 3), clipped),
                settings(model, 5, 16, new RmsProp(0.001, 0.9, 1e-7, 1e-2), plateau.withPatience(1), constant, clipped),
                settings(model, 12, 16, Adagrad.defaults(), null, new Schedule.ExponentialDecay(0.9), LossFunction.LOG_SOFTMAX),
                settings(model, 12, 16, Adagrad.defaults(Adagrad.Variant.TF_KERAS), plateau, constant, clipped),
                settings(model, 7, 16, Adam.defaults(), null, constant, clipped),
                settings(model, 12, 16, new Adam(0.01, 0.9, 0.999, 1e-7, 1e-3), plateau.withPatience(0), constant, clipped));
        assertSameAsAlone(trials, TRAIN, VAL, 3);
    }

    @Test
    void deeperNetworksWideLayersAndOtherActivationsMatch() {
        for (ModelSpec model : List.of(new ModelSpec(List.of(9, 5), Activation.TANH),
                new ModelSpec(List.of(4, 130, 3), Activation.SIGMOID), new ModelSpec(List.of(10, 10), Activation.RELU))) {
            List<TrialSettings> trials = List.of(
                    settings(model, 4, 7, new Sgd(0.3, 0.0, false, 0.0), null, new Schedule.Constant(), LossFunction.KERAS_CLIPPED),
                    settings(model, 4, 7, new Sgd(0.01, 0.9, false, 0.0), null, new Schedule.Constant(), LossFunction.LOG_SOFTMAX),
                    settings(model, 4, 7, Adam.defaults(), null, new Schedule.Constant(), LossFunction.KERAS_CLIPPED));
            assertSameAsAlone(trials, TRAIN, VAL, 11);
        }
    }

    @Test
    void aDivergingTrialStopsAloneAndTheOthersGoOn() {
        ModelSpec model = new ModelSpec(List.of(8), Activation.RELU);
        List<TrialSettings> trials = List.of(
                settings(model, 10, 10, new Sgd(1e300, 0.0, false, 0.0), null, new Schedule.Constant(), LossFunction.LOG_SOFTMAX),
                settings(model, 10, 10, new Sgd(0.05, 0.0, false, 0.0), null, new Schedule.Constant(), LossFunction.KERAS_CLIPPED),
                settings(model, 10, 10, Adam.defaults(), null, new Schedule.Constant(), LossFunction.KERAS_CLIPPED));
        List<TrialResult> rs = Engine.train(trials, TRAIN, VAL, 5, EpochListener.NONE);
        assertEquals(TrialStatus.DIVERGED, rs.get(0).status());
        assertEquals(TrialStatus.OK, rs.get(1).status());
        assertEquals(10, rs.get(2).epochsCompleted());
        assertSameAsAlone(trials, TRAIN, VAL, 5);
    }
}
