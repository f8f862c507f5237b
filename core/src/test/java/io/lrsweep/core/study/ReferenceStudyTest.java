package io.lrsweep.core.study;

import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.data.SplitData;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.TrialSpec;
import io.lrsweep.core.train.EpochRecord;
import io.lrsweep.core.train.Engine;
import io.lrsweep.core.train.TrialResult;
import io.lrsweep.core.train.TrialStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference study's five experiments (training-semantics.md, "What the reference study
 * found"), each over 3 seeds at the full 200 epochs, asserting the findings that hold robustly.
 * Slow (about a minute on two cores) but part of every CI run.
 */
@Tag("slow")
class ReferenceStudyTest {
    private static final int SEEDS = 3;
    private static Dataset train;
    private static Dataset validation;

    @BeforeAll
    static void data() {
        BlobsSpec blobs = BlobsSpec.reference();
        SplitData split = SplitData.of(Blobs.generate(blobs), blobs);
        train = new Dataset(split.train().features(), split.train().labels(), split.train().rows(), 2, 3);
        validation = new Dataset(split.validation().features(), split.validation().labels(), split.validation().rows(), 2, 3);
    }

    /** Runs a reference sweep; results grouped by setting (in grid order), one per seed. */
    private static Map<String, List<TrialResult>> run(String name, Function<TrialSpec, String> key) throws IOException {
        SweepSpec spec;
        try (InputStream in = ReferenceStudyTest.class.getResourceAsStream("/sweep/reference/" + name + ".json")) {
            spec = SweepParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).withSeeds(SEEDS);
        }
        List<TrialSpec> trials = spec.trials();
        List<TrialResult> results = trials.parallelStream()
                .map(t -> Engine.train(t.settings(), train, validation, t.seed()))
                .collect(Collectors.toList());
        Map<String, List<TrialResult>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < trials.size(); i++) {
            byKey.computeIfAbsent(key.apply(trials.get(i)), k -> new ArrayList<>()).add(results.get(i));
        }
        StringBuilder table = new StringBuilder(name + ":\n");
        byKey.forEach((k, rs) -> table.append(String.format(
                "  %-10s final val_loss %.4f  val_acc %.3f  epochs to 75%% %s, to 80%% %s, jitter %.4f%n",
                k, mean(rs, r -> r.last().valLoss()), mean(rs, r -> r.last().valAccuracy()),
                rs.stream().map(r -> String.valueOf(epochsTo(r, 0.75))).collect(Collectors.joining(",")),
                rs.stream().map(r -> String.valueOf(epochsTo(r, 0.80))).collect(Collectors.joining(",")),
                mean(rs, r -> r.history().size() > 50 ? jitter(r) : Double.NaN))));
        System.out.print(table);
        for (List<TrialResult> rs : byKey.values()) {
            assertEquals(SEEDS, rs.size());
        }
        return byKey;
    }

    private static double mean(List<TrialResult> rs, java.util.function.ToDoubleFunction<TrialResult> f) {
        return rs.stream().mapToDouble(f).average().orElseThrow();
    }

    /** First epoch whose val_accuracy reaches the target, or epochs + 1 if never. */
    private static int epochsTo(TrialResult r, double target) {
        for (EpochRecord e : r.history()) {
            if (e.valAccuracy() >= target) {
                return e.epoch();
            }
        }
        return r.history().size() + 1;
    }

    private static double meanEpochsTo(List<TrialResult> rs, double target) {
        return rs.stream().mapToInt(r -> epochsTo(r, target)).average().orElseThrow();
    }

    /**
     * Median absolute epoch-to-epoch change of val_loss over the last 50 epochs: how much a run
     * oscillates. The median, so that a single spike of a run that has settled does not count as
     * oscillating (plain SGD at 1e-2 on the unstandardised blobs spikes now and then).
     */
    private static double jitter(TrialResult r) {
        List<EpochRecord> h = r.history();
        double[] d = new double[50];
        for (int i = h.size() - 50; i < h.size(); i++) {
            d[i - (h.size() - 50)] = Math.abs(h.get(i).valLoss() - h.get(i - 1).valLoss());
        }
        java.util.Arrays.sort(d);
        return (d[24] + d[25]) / 2;
    }

    @Test
    void learningRateSweepIsAUWithItsMinimumAt1eMinus2Or1eMinus1() throws IOException {
        Map<String, List<TrialResult>> r = run("learning-rate", t -> String.valueOf(t.learningRate()));
        for (List<TrialResult> rs : r.values()) {
            for (TrialResult t : rs) {
                assertEquals(TrialStatus.OK, t.status(), "the clipped loss keeps every run finite, even lr 1");
                assertEquals(200, t.epochsCompleted());
            }
        }
        Map<String, Double> finalLoss = new LinkedHashMap<>();
        r.forEach((k, rs) -> finalLoss.put(k, mean(rs, t -> t.last().valLoss())));
        String best = finalLoss.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertTrue(best.equals("0.01") || best.equals("0.1"), "best final val_loss at 1e-2 or 1e-1, got " + best + " " + finalLoss);
        // The U: both ends are clearly worse than the bottom.
        double bottom = finalLoss.get(best);
        assertTrue(finalLoss.get("1.0") > bottom + 0.05, "lr 1 is worse than the best: " + finalLoss);
        assertTrue(finalLoss.get("1.0E-7") > bottom + 0.3, "lr 1e-7 is far worse: " + finalLoss);
        // lr 1 oscillates: its val_loss jumps from epoch to epoch far more than at 1e-2.
        double jitterOne = mean(r.get("1.0"), ReferenceStudyTest::jitter);
        for (String lr : List.of("0.1", "0.01", "0.001")) {
            assertTrue(jitterOne > 3 * mean(r.get(lr), ReferenceStudyTest::jitter), "lr 1 oscillates far more than " + lr);
        }
        // 1e-1, 1e-2, 1e-3 learn, successively slower.
        double e1 = meanEpochsTo(r.get("0.1"), 0.75);
        double e2 = meanEpochsTo(r.get("0.01"), 0.75);
        double e3 = meanEpochsTo(r.get("0.001"), 0.75);
        assertTrue(e1 < e2 && e2 < e3, "successively slower: " + e1 + " < " + e2 + " < " + e3);
        assertTrue(e3 <= 200, "1e-3 still learns within 200 epochs: " + e3);
        // <= 1e-4 fail to learn in 200 epochs.
        for (String lr : List.of("1.0E-4", "1.0E-5", "1.0E-6", "1.0E-7")) {
            assertTrue(meanEpochsTo(r.get(lr), 0.75) > 200, lr + " does not reach 75% accuracy");
            assertTrue(finalLoss.get(lr) > bottom + 0.1, lr + " ends far above the best loss");
        }
    }

    @Test
    void momentumPointNineLearnsSeveralTimesSoonerThanNone() throws IOException {
        Map<String, List<TrialResult>> r = run("momentum", t -> String.valueOf(t.momentum()));
        double none = meanEpochsTo(r.get("0.0"), 0.80);
        double nine = meanEpochsTo(r.get("0.9"), 0.80);
        assertTrue(nine * 3 <= none, "0.9 reaches 80% at least 3x sooner: " + nine + " vs " + none);
        assertTrue(nine <= 50, "0.9 learns within ~50 epochs: " + nine);
        assertTrue(none <= 200, "momentum 0 also learns, just later: " + none);
        assertTrue(meanEpochsTo(r.get("0.5"), 0.80) < none, "0.5 is faster than 0");
    }

    @Test
    void finalAccuracyRisesAsDecayFalls() throws IOException {
        Map<String, List<TrialResult>> r = run("decay", t -> String.valueOf(t.decay()));
        double d1 = mean(r.get("0.1"), t -> t.last().valAccuracy());
        double d2 = mean(r.get("0.01"), t -> t.last().valAccuracy());
        double d3 = mean(r.get("0.001"), t -> t.last().valAccuracy());
        double d4 = mean(r.get("1.0E-4"), t -> t.last().valAccuracy());
        assertTrue(d1 < d2 && d2 < d3 && d3 <= d4 + 0.01, "accuracy rises as decay falls: " + d1 + " " + d2 + " " + d3 + " " + d4);
        assertTrue(d2 < d4 - 0.05, "1e-2 decays too fast to learn well");
        // 1e-4 is close to no decay: compare with the plain lr 0.01 run of the same seeds.
        Map<String, List<TrialResult>> plain = run("momentum", t -> String.valueOf(t.momentum()));
        double noDecay = mean(plain.get("0.0"), t -> t.last().valAccuracy());
        assertTrue(Math.abs(d4 - noDecay) < 0.02, "1e-4 ~ no decay: " + d4 + " vs " + noDecay);
        assertTrue(Math.abs(d3 - noDecay) < 0.05, "1e-3 ~ no decay: " + d3 + " vs " + noDecay);
    }

    @Test
    void plateauPatienceTwoIsWorstAndTenOrFifteenEndBest() throws IOException {
        Map<String, List<TrialResult>> r = run("plateau", t -> String.valueOf(t.patience()));
        Map<String, Double> loss = new LinkedHashMap<>();
        r.forEach((k, rs) -> loss.put(k, mean(rs, t -> t.last().valLoss())));
        String worst = loss.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals("2", worst, "patience 2 cuts too early: " + loss);
        String best = loss.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertTrue(best.equals("10") || best.equals("15"), "10 or 15 end best: " + loss);
        assertTrue(loss.get("5") > loss.get(best), "5 is hurt too: " + loss);
        // With min_lr 0, patience 2 lets the lr fall by many decades.
        double lastLr = mean(r.get("2"), t -> t.last().lr());
        assertTrue(lastLr < 1e-6, "patience 2 ends with a tiny lr: " + lastLr);
        assertTrue(r.get("2").stream().allMatch(t -> t.lrReductions() >= 4));
    }

    @Test
    void everyOptimizerLearnsAtItsDefaults() throws IOException {
        Map<String, List<TrialResult>> r = run("optimizers", TrialSpec::optimizerName);
        assertEquals(List.of("sgd", "rmsprop", "adagrad", "adam"), new ArrayList<>(r.keySet()));
        r.forEach((name, rs) -> {
            double acc = mean(rs, t -> t.last().valAccuracy());
            assertTrue(acc > 0.75, name + " learns at its defaults: final val_accuracy " + acc);
        });
    }
}
