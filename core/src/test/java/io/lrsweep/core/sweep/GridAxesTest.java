package io.lrsweep.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.lrsweep.core.random.SplitMix64;
import io.lrsweep.core.schedule.Schedule;
import io.lrsweep.core.schedule.WarmupStableDecay;
import io.lrsweep.core.train.GroupKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The axes of issue 13 (schedule, weight decay, nesterov, batch size, hidden layers): their
 * expansion order, the exact count, their single values from the blocks, the groups they allow,
 * and the resolved form.
 */
class GridAxesTest {

    private static String describe(TrialSpec t) {
        return t.hidden() + " " + t.batchSize() + " " + t.optimizerName() + " " + t.schedule() + " " + t.learningRate() + " "
                + t.momentum() + " " + t.nesterov() + " " + t.decay() + " " + t.weightDecay() + " " + t.patience() + " " + t.seed();
    }

    @Test
    void expandsShapesThenOptimizerScheduleAndTheOldOrderWithin() {
        SweepSpec spec = SweepParser.parse("""
                {"name": "order", "training": {"epochs": 4},
                 "grid": {"hidden": [[8], [4, 4]], "batch_size": [16, 32], "optimizer": ["adamw", "sgd"],
                          "schedule": [{"kind": "constant"}, {"kind": "one_cycle"}], "learning_rate": [0.1, 0.01],
                          "momentum": [0.0, 0.9], "nesterov": [false, true], "decay": [0, 1e-3], "weight_decay": [0, 0.1],
                          "patience": [null, 3]},
                 "seeds": [5, 6]}""");
        List<String> expected = new ArrayList<>();
        for (String h : List.of("[8]", "[4,4]")) {
            for (int b : List.of(16, 32)) {
                for (String o : List.of("adamw", "sgd")) {
                    boolean sgd = o.equals("sgd");
                    for (String s : List.of("constant", "one_cycle(pct_start=0.3,div_factor=25,final_div_factor=10000)")) {
                        for (double lr : List.of(0.1, 0.01)) {
                            for (Double m : sgd ? Arrays.asList(0.0, 0.9) : Arrays.asList((Double) null)) {
                                List<Boolean> nesterovs = !sgd ? Arrays.asList((Boolean) null)
                                        : m == 0.0 ? List.of(false) : List.of(false, true);
                                for (Boolean n : nesterovs) {
                                    for (double d : List.of(0.0, 1e-3)) {
                                        for (double wd : List.of(0.0, 0.1)) {
                                            for (Integer p : Arrays.asList(null, 3)) {
                                                for (long seed : List.of(5L, 6L)) {
                                                    expected.add(h + " " + b + " " + o + " " + s + " " + lr + " " + m + " " + n + " "
                                                            + d + " " + wd + " " + p + " " + seed);
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        List<TrialSpec> trials = spec.trials();
        assertEquals(expected, trials.stream().map(GridAxesTest::describe).toList());
        assertEquals(4 * 2 * 2 * (1 + 3) * 2 * 2 * 2 * 2, trials.size(), "shapes x schedules x lrs x (adamw + sgd's 3) x rest x seeds");
        assertEquals(trials.size(), spec.trialCount());
        assertEquals(trials.size(), new HashSet<>(trials.stream().map(TrialSpec::trialId).toList()).size());
        TrialSpec last = trials.get(trials.size() - 1);
        assertEquals(List.of(4, 4), last.settings().model().hidden());
        assertEquals(32, last.settings().training().batchSize());
        assertEquals(4, last.settings().training().epochs(), "the training block's other settings stay");
        assertEquals(2, last.hiddenLayers());
        assertEquals(4, last.hiddenWidth());
    }

    @Test
    void theCountIsExactOnRandomGrids() {
        SplitMix64 rng = new SplitMix64(13);
        String[] optimizers = {"\"sgd\"", "\"rmsprop\"", "\"adagrad\"", "\"adam\"", "\"adamw\""};
        for (int k = 0; k < 200; k++) {
            StringBuilder grid = new StringBuilder("\"optimizer\": [");
            List<String> chosen = new ArrayList<>();
            for (String o : optimizers) {
                if (rng.nextInt(2) == 0 || (chosen.isEmpty() && o.equals("\"adamw\""))) {
                    chosen.add(o);
                }
            }
            grid.append(String.join(", ", chosen)).append("]");
            boolean sgd = chosen.contains("\"sgd\"");
            grid.append(", \"momentum\": ").append(pick(rng, sgd ? List.of("[0]", "[0, 0.9]", "[0.5, 0.9]", "[0.9]") : List.of("[0]")));
            boolean moving = !grid.toString().contains("\"momentum\": [0]");
            if (sgd && moving && rng.nextInt(2) == 0) {
                grid.append(", \"nesterov\": ").append(pick(rng, List.of("[false, true]", "[true]", "[false]")));
            }
            if (rng.nextInt(2) == 0) {
                grid.append(", \"weight_decay\": ").append(pick(rng, List.of("[0]", "[0, 1e-4, 1e-2]")));
            }
            if (rng.nextInt(2) == 0) {
                grid.append(", \"learning_rate\": {\"min\": 1e-4, \"max\": 1, \"points\": ").append(pick(rng, List.of("2", "3", "5"))).append("}");
            }
            grid.append(", \"schedule\": ").append(pick(rng, List.of("[{\"kind\": \"constant\"}]",
                    "[{\"kind\": \"cosine\"}, {\"kind\": \"one_cycle\"}, {\"kind\": \"wsd\", \"decay_fraction\": 0.5}]")));
            grid.append(", \"batch_size\": ").append(pick(rng, List.of("[32]", "[8, 32, 128]")));
            grid.append(", \"hidden\": ").append(pick(rng, List.of("[[50]]", "[[8], [16, 16]]")));
            grid.append(", \"decay\": ").append(pick(rng, List.of("[0]", "[0, 1e-3]")));
            grid.append(", \"patience\": ").append(pick(rng, List.of("[null]", "[null, 2, 5]")));
            String json = "{\"name\": \"r\", \"training\": {\"epochs\": 4}, \"grid\": {" + grid
                    + "}, \"seeds\": " + (1 + rng.nextInt(3)) + "}";
            SweepSpec spec = SweepParser.parse(json);
            List<TrialSpec> trials = spec.trials();
            assertEquals(trials.size(), spec.trialCount(), json);
            assertEquals(trials.size(), new HashSet<>(trials.stream().map(TrialSpec::trialId).toList()).size(), json);
        }
    }

    private static String pick(SplitMix64 rng, List<String> options) {
        return options.get(rng.nextInt(options.size()));
    }

    @Test
    void theCountSaturatesInsteadOfOverflowing() {
        List<Double> values = new ArrayList<>();
        List<Integer> patiences = new ArrayList<>();
        for (int i = 1; i <= 100_000; i++) {
            values.add(i * 1e-6);
            patiences.add(i);
        }
        Grid grid = new Grid(List.of("sgd"), values, List.of(0.0), values, patiences, null, values, null, null, null);
        SweepSpec spec = new SweepSpec("big", io.lrsweep.core.data.BlobsSpec.reference(), io.lrsweep.core.model.ModelSpec.reference(),
                io.lrsweep.core.train.TrainingSpec.reference(), OptimizerTemplates.defaults(), PlateauTemplate.kerasDefaults(), grid,
                List.of(0L));
        assertEquals(Long.MAX_VALUE, spec.trialCount(), "1e20 trials: more than a long holds");
        SweepSpecException e = org.junit.jupiter.api.Assertions.assertThrows(SweepSpecException.class, () -> spec.checkSize(true));
        assertTrue(e.getMessage().contains("more than the limit of 2147483647"), e.getMessage());
        Grid fits = new Grid(List.of("sgd"), values.subList(0, 2000), List.of(0.0), values.subList(0, 2000), List.of(1), null,
                values.subList(0, 2000), null, List.of(8, 16), null);
        assertEquals(2000L * 2000 * 2000 * 2, new SweepSpec("big", spec.dataset(), spec.model(), spec.training(), spec.optimizers(),
                spec.plateau(), fits, List.of(0L)).trialCount());
    }

    @Test
    void nesterovAndMomentumCollapseWithoutMakingDuplicates() {
        SweepSpec spec = SweepParser.parse("""
                {"name": "n", "grid": {"optimizer": ["sgd", "adam"], "learning_rate": [0.01], "momentum": [0.0, 0.9],
                 "nesterov": [true, false]}}""");
        List<String> points = spec.trials().stream().map(t -> t.optimizerName() + " " + t.momentum() + " " + t.nesterov()).toList();
        assertEquals(List.of("sgd 0.0 false", "sgd 0.9 true", "sgd 0.9 false", "adam null null"), points);
        assertEquals(4, spec.trialCount());
    }

    @Test
    void absentAxesTakeTheBlocksSingleValues() {
        SweepSpec spec = SweepResources.parse("good", "one-value-axes.json");
        List<TrialSpec> trials = spec.trials();
        assertEquals(List.of("sgd 0.0 false 5.0E-4", "sgd 0.9 true 5.0E-4", "adamw null null 0.05", "adam null null 0.0"),
                trials.stream().map(t -> t.optimizerName() + " " + t.momentum() + " " + t.nesterov() + " " + t.weightDecay()).toList());
        trials.forEach(t -> {
            assertEquals("wsd(warmup_epochs=2,decay_fraction=0.25,min_factor=0)", t.schedule());
            assertEquals(64, t.batchSize());
            assertEquals("[32,16]", t.hidden());
            assertNull(t.hiddenWidth(), "layers of different widths have no common width");
        });
        assertEquals(List.of(new WarmupStableDecay(2, 0.25, 0.0)), spec.schedules());
        SweepSpec defaults = SweepParser.parse("{\"name\": \"d\", \"grid\": {\"optimizer\": [\"sgd\", \"adamw\"]}}");
        assertEquals(List.of(0.0, 0.01), defaults.trials().stream().map(TrialSpec::weightDecay).toList(),
                "no weight decay axis: Keras's none for sgd, PyTorch's 0.01 for adamw");
        assertEquals(List.of(new Schedule.Constant()), defaults.schedules());
    }

    @Test
    void groupsNeverMixShapes() {
        SweepSpec spec = SweepResources.parse("good", "new-axes.json");
        List<TrialSpec> trials = spec.trials();
        List<List<TrialSpec>> groups = TrialGroups.of(TrialGroups.groupedOrder(trials), TrialGroups.MAX_PER_GROUP);
        Set<GroupKey> keys = new HashSet<>();
        int grouped = 0;
        for (List<TrialSpec> g : groups) {
            GroupKey key = GroupKey.of(g.get(0).settings(), g.get(0).seed());
            for (TrialSpec t : g) {
                assertEquals(g.get(0).hidden(), t.hidden());
                assertEquals(g.get(0).batchSize(), t.batchSize());
                assertEquals(g.get(0).seed(), t.seed());
                assertEquals(key, GroupKey.of(t.settings(), t.seed()));
            }
            keys.add(key);
            grouped += g.size();
        }
        assertEquals(trials.size(), grouped);
        assertEquals(2 * 2 * 2, keys.size(), "hidden x batch size x seeds");
    }

    @Test
    void theResolvedFormPutsEachSettingInOnePlace() {
        JsonNode axes = SweepWriter.toTree(SweepResources.parse("good", "new-axes.json"));
        assertTrue(axes.at("/training/schedule").isMissingNode(), "the grid gives the schedules");
        assertTrue(axes.at("/training/batch_size").isMissingNode());
        assertTrue(axes.at("/model/hidden").isMissingNode());
        assertTrue(axes.at("/optimizers/sgd/nesterov").isMissingNode());
        assertTrue(axes.at("/optimizers/adamw/weight_decay").isMissingNode());
        assertEquals("[[8],[16,16]]", axes.at("/grid/hidden").toString());
        assertEquals("{\"kind\":\"triangular\",\"base_factor\":0.1,\"step_epochs\":0.5}", axes.at("/grid/schedule/4").toString());
        assertEquals("{\"kind\":\"cosine\",\"warmup_epochs\":1,\"min_factor\":0.0}", axes.at("/grid/schedule/1").toString());
        JsonNode single = SweepWriter.toTree(SweepResources.parse("good", "one-value-axes.json"));
        assertEquals("wsd", single.at("/training/schedule/kind").textValue());
        assertEquals(2, single.at("/training/schedule/warmup_epochs").intValue());
        assertTrue(single.at("/optimizers/sgd/nesterov").booleanValue());
        assertEquals(0.05, single.at("/optimizers/adamw/weight_decay").doubleValue());
        assertEquals(0.0, single.at("/optimizers/adam/weight_decay").doubleValue());
        assertFalse(single.at("/grid").has("schedule"));
        assertFalse(single.at("/grid").has("weight_decay"));
    }
}
