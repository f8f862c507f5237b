package io.lrsweep.core.sweep;

import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.DatasetSpec;
import io.lrsweep.core.data.FileDatasetSpec;
import io.lrsweep.core.data.FileDatasetSpec.ColumnRef;
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
import io.lrsweep.core.train.TrainingSpec;
import io.lrsweep.core.train.TrialSettings;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trial ids: the canonical text, its hash, and what does and does not change an id. */
class TrialIdTest {

    /** A made-up data content hash (the real one is the SHA-256 of the loaded, split data). */
    private static final String CONTENT = "0123456789abcdef".repeat(4);

    /** Checked line by line against training-semantics.md and the sweep file; hashed independently (Python hashlib). */
    private static final String PLATEAU_LAST_TRIAL = """
            lrsweep-trial-id v3
            dataset.kind=blobs
            dataset.samples=1000
            dataset.centers=3
            dataset.features=2
            dataset.std=2.0
            dataset.random_state=2
            dataset.shuffle=true
            dataset.train_fraction=0.5
            dataset.standardize=false
            dataset.content_sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
            model.hidden=[50]
            model.activation=relu
            training.epochs=200
            training.batch_size=32
            training.shuffle=true
            training.loss=keras_clipped
            training.schedule.kind=constant
            optimizer.name=sgd
            optimizer.learning_rate=0.01
            optimizer.momentum=0.0
            optimizer.nesterov=false
            optimizer.decay=0.0
            optimizer.weight_decay=0.0
            plateau.monitor=val_loss
            plateau.factor=0.1
            plateau.patience=15
            plateau.min_delta=1.0E-7
            plateau.cooldown=0
            plateau.min_lr=0.0
            seed=2
            """;

    @Test
    void canonicalTextAndIdOfAReferenceTrial() {
        List<TrialSpec> trials = SweepResources.parse("reference", "plateau.json").trials(CONTENT);
        TrialSpec last = trials.get(trials.size() - 1);
        String text = TrialId.canonicalText(last.dataset(), CONTENT, last.settings(), last.seed());
        assertEquals(PLATEAU_LAST_TRIAL, text);
        assertEquals(TrialId.sha256Hex(text).substring(0, 16), last.trialId());
        assertEquals("8b3c786d8efc2a80", last.trialId());
        // learning-rate.json's first trial (sgd lr 1.0, no plateau, seed 0), also hashed with hashlib.
        assertEquals("a3b3de418ebb24f4", SweepResources.parse("reference", "learning-rate.json").trials(CONTENT).get(0).trialId());
    }

    @Test
    void theDataContentIsPartOfTheId() {
        SweepSpec spec = SweepResources.parse("reference", "learning-rate.json");
        String other = "f".repeat(64);
        List<TrialSpec> a = spec.trials(CONTENT);
        List<TrialSpec> b = spec.trials(other);
        List<TrialSpec> unread = spec.trials();
        for (int i = 0; i < a.size(); i++) {
            assertNotEquals(a.get(i).trialId(), b.get(i).trialId(), "changed data, same settings: another trial");
            assertNotEquals(a.get(i).trialId(), unread.get(i).trialId(), "ids made without the data never match");
            assertEquals(a.get(i).settings(), b.get(i).settings());
        }
        assertTrue(TrialId.canonicalText(spec.dataset(), TrialId.CONTENT_NOT_READ, a.get(0).settings(), 0)
                .contains("\ndataset.content_sha256=not-read\n"));
        assertThrows(IllegalArgumentException.class, () -> spec.trials("ABC"), "not a SHA-256");
        assertThrows(IllegalArgumentException.class, () -> spec.trials((String) null));
    }

    @Test
    void newSchedulesAndWeightDecayAreLinesOfTheirOwn() {
        TrialSettings s = new TrialSettings(ModelSpec.reference(), new TrainingSpec(200, 32, true,
                io.lrsweep.core.schedule.OneCycle.pytorchDefaults()), io.lrsweep.core.optim.AdamW.defaults(), null);
        String text = TrialId.canonicalText(BlobsSpec.reference(), CONTENT, s, 0);
        assertTrue(text.contains("""
                training.schedule.kind=one_cycle
                training.schedule.pct_start=0.3
                training.schedule.div_factor=25.0
                training.schedule.final_div_factor=10000.0
                optimizer.name=adamw
                optimizer.learning_rate=0.001
                optimizer.beta_1=0.9
                optimizer.beta_2=0.999
                optimizer.epsilon=1.0E-8
                optimizer.decay=0.0
                optimizer.weight_decay=0.01
                plateau=none
                """), text);
        String cosine = TrialId.canonicalText(BlobsSpec.reference(), CONTENT, new TrialSettings(ModelSpec.reference(),
                new TrainingSpec(200, 32, true, new io.lrsweep.core.schedule.Cosine(5, 0.0)), Sgd.defaults(), null), 0);
        assertTrue(cosine.contains("\ntraining.schedule.kind=cosine\ntraining.schedule.warmup_epochs=5\ntraining.schedule.min_factor=0.0\n"),
                cosine);
    }

    @Test
    void sha256IsTheStandardOne() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TrialId.sha256Hex("abc"));
    }

    @Test
    void fileDatasetTextQuotesFreeText() {
        FileDatasetSpec csv = new FileDatasetSpec("csv", "dir/a \"b\"\n.csv", ColumnRef.named("y\\z"),
                List.of(ColumnRef.at(3), ColumnRef.named("x")), 0.5, false);
        String text = TrialId.canonicalText(csv, CONTENT, settings(Sgd.defaults(), null), 0);
        assertTrue(text.contains("\ndataset.path=\"dir/a \\\"b\\\"\\u000a.csv\"\n"), text);
        assertTrue(text.contains("\ndataset.label=name:\"y\\\\z\"\n"), text);
        assertTrue(text.contains("\ndataset.features=[index:3,name:\"x\"]\n"), text);
        FileDatasetSpec libsvm = new FileDatasetSpec("libsvm", "a.svm", null, null, 0.5, false);
        assertTrue(TrialId.canonicalText(libsvm, CONTENT, settings(Sgd.defaults(), null), 0).contains("\ndataset.label=none\ndataset.features=[]\n"));
    }

    @Test
    void idsAreDistinctAcrossEveryTrialOfAGrid() {
        List<TrialSpec> trials = SweepResources.parse("good", "full-grid.json").trials();
        assertEquals(trials.size(), trials.stream().map(TrialSpec::trialId).distinct().count());
        trials.forEach(t -> assertTrue(t.trialId().matches("[0-9a-f]{16}"), t.trialId()));
    }

    @Test
    void idsSurviveAGrownGridAndARenamedSweep() {
        SweepSpec small = SweepParser.parse("""
                {"name": "small", "grid": {"learning_rate": [0.1, 0.01], "patience": [null, 5]}, "seeds": 2}""");
        SweepSpec grown = SweepParser.parse("""
                {"name": "renamed", "grid": {"optimizer": ["adam", "sgd"], "learning_rate": [1, 0.01, 0.1],
                 "patience": [10, 5, null]}, "seeds": [1, 0, 2]}""");
        Map<String, TrialSpec> grownById = grown.trials().stream().collect(Collectors.toMap(TrialSpec::trialId, t -> t));
        for (TrialSpec old : small.trials()) {
            TrialSpec same = grownById.get(old.trialId());
            assertEquals(old.settings(), same.settings(), old.trialId());
            assertEquals(old.seed(), same.seed());
        }
    }

    @Test
    void anyOneChangedSettingChangesTheId() {
        BlobsSpec b = BlobsSpec.reference();
        FileDatasetSpec csv = new FileDatasetSpec("csv", "a.csv", ColumnRef.named("y"), List.of(), 0.5, false);
        PlateauSpec p = PlateauSpec.kerasDefaults();
        Map<String, String> ids = new HashMap<>();
        put(ids, "base", b, settings(Sgd.defaults(), null), 0);
        put(ids, "seed", b, settings(Sgd.defaults(), null), 1);
        put(ids, "samples", new BlobsSpec(999, 3, 2, 2.0, 2, true, 0.5, false), settings(Sgd.defaults(), null), 0);
        put(ids, "centers", new BlobsSpec(1000, 4, 2, 2.0, 2, true, 0.5, false), settings(Sgd.defaults(), null), 0);
        put(ids, "features", new BlobsSpec(1000, 3, 3, 2.0, 2, true, 0.5, false), settings(Sgd.defaults(), null), 0);
        put(ids, "std", new BlobsSpec(1000, 3, 2, 2.5, 2, true, 0.5, false), settings(Sgd.defaults(), null), 0);
        put(ids, "random_state", new BlobsSpec(1000, 3, 2, 2.0, 3, true, 0.5, false), settings(Sgd.defaults(), null), 0);
        put(ids, "blobs shuffle", new BlobsSpec(1000, 3, 2, 2.0, 2, false, 0.5, false), settings(Sgd.defaults(), null), 0);
        put(ids, "train_fraction", new BlobsSpec(1000, 3, 2, 2.0, 2, true, 0.6, false), settings(Sgd.defaults(), null), 0);
        put(ids, "standardize", new BlobsSpec(1000, 3, 2, 2.0, 2, true, 0.5, true), settings(Sgd.defaults(), null), 0);
        put(ids, "csv", csv, settings(Sgd.defaults(), null), 0);
        put(ids, "parquet", new FileDatasetSpec("parquet", "a.csv", ColumnRef.named("y"), List.of(), 0.5, false),
                settings(Sgd.defaults(), null), 0);
        put(ids, "path", new FileDatasetSpec("csv", "b.csv", ColumnRef.named("y"), List.of(), 0.5, false),
                settings(Sgd.defaults(), null), 0);
        put(ids, "label", new FileDatasetSpec("csv", "a.csv", ColumnRef.at(0), List.of(), 0.5, false),
                settings(Sgd.defaults(), null), 0);
        put(ids, "feature columns", new FileDatasetSpec("csv", "a.csv", ColumnRef.named("y"), List.of(ColumnRef.named("x")),
                0.5, false), settings(Sgd.defaults(), null), 0);
        TrainingSpec t = TrainingSpec.reference();
        put(ids, "hidden", b, new TrialSettings(new ModelSpec(List.of(50, 10), Activation.RELU), t, Sgd.defaults(), null), 0);
        put(ids, "activation", b, new TrialSettings(new ModelSpec(List.of(50), Activation.TANH), t, Sgd.defaults(), null), 0);
        ModelSpec m = ModelSpec.reference();
        put(ids, "epochs", b, new TrialSettings(m, new TrainingSpec(199, 32, true, null), Sgd.defaults(), null), 0);
        put(ids, "batch_size", b, new TrialSettings(m, new TrainingSpec(200, 16, true, null), Sgd.defaults(), null), 0);
        put(ids, "training shuffle", b, new TrialSettings(m, new TrainingSpec(200, 32, false, null), Sgd.defaults(), null), 0);
        put(ids, "step", b, new TrialSettings(m, new TrainingSpec(200, 32, true, new Schedule.StepDecay(0.5, 10)), Sgd.defaults(),
                null), 0);
        put(ids, "step drop", b, new TrialSettings(m, new TrainingSpec(200, 32, true, new Schedule.StepDecay(0.25, 10)),
                Sgd.defaults(), null), 0);
        put(ids, "step every", b, new TrialSettings(m, new TrainingSpec(200, 32, true, new Schedule.StepDecay(0.5, 20)),
                Sgd.defaults(), null), 0);
        put(ids, "exponential", b, new TrialSettings(m, new TrainingSpec(200, 32, true, new Schedule.ExponentialDecay(0.99)),
                Sgd.defaults(), null), 0);
        put(ids, "exponential rate", b, new TrialSettings(m, new TrainingSpec(200, 32, true,
                new Schedule.ExponentialDecay(0.98)), Sgd.defaults(), null), 0);
        List<io.lrsweep.core.schedule.Schedule> schedules = List.of(new io.lrsweep.core.schedule.Cosine(0, 0.0),
                new io.lrsweep.core.schedule.Cosine(1, 0.0), new io.lrsweep.core.schedule.Cosine(0, 0.1),
                new io.lrsweep.core.schedule.WarmupStableDecay(0, 0.2, 0.0), new io.lrsweep.core.schedule.WarmupStableDecay(1, 0.2, 0.0),
                new io.lrsweep.core.schedule.WarmupStableDecay(0, 0.3, 0.0), new io.lrsweep.core.schedule.WarmupStableDecay(0, 0.2, 0.1),
                io.lrsweep.core.schedule.OneCycle.pytorchDefaults(), new io.lrsweep.core.schedule.OneCycle(0.25, 25, 1e4),
                new io.lrsweep.core.schedule.OneCycle(0.3, 10, 1e4), new io.lrsweep.core.schedule.OneCycle(0.3, 25, 1e3),
                new io.lrsweep.core.schedule.Triangular(0.1, 2), new io.lrsweep.core.schedule.Triangular(0.2, 2),
                new io.lrsweep.core.schedule.Triangular(0.1, 3));
        for (io.lrsweep.core.schedule.Schedule sc : schedules) {
            put(ids, sc.text(), b, new TrialSettings(m, new TrainingSpec(200, 32, true, sc), Sgd.defaults(), null), 0);
        }
        List<OptimizerSpec> optimizers = List.of(
                new Sgd(0.02, 0.0, false, 0.0), new Sgd(0.01, 0.5, false, 0.0), new Sgd(0.01, 0.5, true, 0.0),
                new Sgd(0.01, 0.0, false, 1e-4),
                RmsProp.defaults(), new RmsProp(0.002, 0.9, 1e-7, 0.0), new RmsProp(0.001, 0.8, 1e-7, 0.0),
                new RmsProp(0.001, 0.9, 1e-8, 0.0), new RmsProp(0.001, 0.9, 1e-7, 1e-4),
                Adagrad.defaults(), new Adagrad(0.02, 1e-7, 0.0, 0.0, Adagrad.Variant.KERAS),
                new Adagrad(0.01, 1e-8, 0.0, 0.0, Adagrad.Variant.KERAS), new Adagrad(0.01, 1e-7, 0.1, 0.0, Adagrad.Variant.KERAS),
                new Adagrad(0.01, 1e-7, 0.0, 0.0, Adagrad.Variant.TF_KERAS), new Adagrad(0.01, 1e-7, 0.0, 1e-4, Adagrad.Variant.KERAS),
                Adam.defaults(), new Adam(0.002, 0.9, 0.999, 1e-7, 0.0), new Adam(0.001, 0.8, 0.999, 1e-7, 0.0),
                new Adam(0.001, 0.9, 0.99, 1e-7, 0.0), new Adam(0.001, 0.9, 0.999, 1e-8, 0.0), new Adam(0.001, 0.9, 0.999, 1e-7, 1e-4),
                new Sgd(0.01, 0.0, false, 0.0, 1e-4), new RmsProp(0.001, 0.9, 1e-7, 0.0, 1e-4),
                new Adagrad(0.01, 1e-7, 0.0, 0.0, Adagrad.Variant.KERAS, 1e-4), new Adam(0.001, 0.9, 0.999, 1e-7, 0.0, 1e-4),
                io.lrsweep.core.optim.AdamW.defaults(), io.lrsweep.core.optim.AdamW.defaults().withWeightDecay(0.0),
                io.lrsweep.core.optim.AdamW.defaults().withWeightDecay(1e-4), io.lrsweep.core.optim.AdamW.defaults().withLearningRate(0.01),
                new io.lrsweep.core.optim.AdamW(0.001, 0.9, 0.999, 1e-7, 0.0, 0.01), io.lrsweep.core.optim.AdamW.defaults().withDecay(1e-4));
        for (OptimizerSpec o : optimizers) {
            put(ids, o.toString(), b, settings(o, null), 0);
        }
        put(ids, "plateau", b, settings(Sgd.defaults(), p), 0);
        put(ids, "plateau monitor", b, settings(Sgd.defaults(), new PlateauSpec(Monitor.LOSS, 0.1, 10, 1e-4, 0, 0.0)), 0);
        put(ids, "plateau factor", b, settings(Sgd.defaults(), new PlateauSpec(Monitor.VAL_LOSS, 0.5, 10, 1e-4, 0, 0.0)), 0);
        put(ids, "plateau patience", b, settings(Sgd.defaults(), p.withPatience(5)), 0);
        put(ids, "plateau min_delta", b, settings(Sgd.defaults(), new PlateauSpec(Monitor.VAL_LOSS, 0.1, 10, 1e-7, 0, 0.0)), 0);
        put(ids, "plateau cooldown", b, settings(Sgd.defaults(), new PlateauSpec(Monitor.VAL_LOSS, 0.1, 10, 1e-4, 1, 0.0)), 0);
        put(ids, "plateau min_lr", b, settings(Sgd.defaults(), new PlateauSpec(Monitor.VAL_LOSS, 0.1, 10, 1e-4, 0, 1e-6)), 0);
        assertEquals(53 + 14 + 10, ids.size());
    }

    /** Records {@code name}'s id, failing if an earlier variant had the same one. */
    private static void put(Map<String, String> ids, String name, DatasetSpec d, TrialSettings s, long seed) {
        String id = TrialId.of(d, CONTENT, s, seed);
        Map<String, String> byId = ids.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        assertNull(byId.get(id), () -> name + " has the same id as " + byId.get(id));
        assertNull(ids.put(name, id), name);
    }

    private static TrialSettings settings(OptimizerSpec o, PlateauSpec p) {
        return new TrialSettings(ModelSpec.reference(), TrainingSpec.reference(), o, p);
    }
}
