package io.lrsweep.core.sweep;

import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.optim.Sgd;
import io.lrsweep.core.train.TrainingSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The expansion order, the momentum collapse, seeds and size limits of {@link SweepSpec}. */
class SweepSpecTest {

    private static SweepSpec spec(Grid grid, List<Long> seeds) {
        return new SweepSpec("t", BlobsSpec.reference(), ModelSpec.reference(), TrainingSpec.reference(),
                OptimizerTemplates.defaults(), PlateauTemplate.kerasDefaults(), grid, seeds);
    }

    private static String describe(TrialSpec t) {
        return t.optimizerName() + " " + t.learningRate() + " " + t.momentum() + " " + t.decay() + " " + t.patience() + " " + t.seed();
    }

    @Test
    void expandsOptimizerThenLearningRateMomentumDecayPatienceAndSeedInnermost() {
        Grid grid = new Grid(List.of("adam", "sgd"), List.of(0.1, 0.01), List.of(0.0, 0.9), List.of(0.0, 1e-3),
                Arrays.asList(null, 5));
        SweepSpec spec = spec(grid, List.of(4L, 2L));
        List<String> expected = new ArrayList<>();
        for (String o : List.of("adam", "sgd")) {
            for (double lr : List.of(0.1, 0.01)) {
                for (Double m : o.equals("sgd") ? Arrays.asList(0.0, 0.9) : Arrays.asList((Double) null)) {
                    for (double d : List.of(0.0, 1e-3)) {
                        for (Integer p : Arrays.asList(null, 5)) {
                            for (long s : List.of(4L, 2L)) {
                                expected.add(o + " " + lr + " " + m + " " + d + " " + p + " " + s);
                            }
                        }
                    }
                }
            }
        }
        List<TrialSpec> trials = spec.trials();
        assertEquals(expected, trials.stream().map(SweepSpecTest::describe).toList());
        assertEquals(16 + 32, trials.size());
        assertEquals(trials.size(), spec.trialCount());
        for (int i = 0; i < trials.size(); i++) {
            assertEquals(i, trials.get(i).index());
            assertEquals("t", trials.get(i).sweep());
        }
        assertEquals(trials.size(), new HashSet<>(trials.stream().map(TrialSpec::trialId).toList()).size());
    }

    @Test
    void momentumCollapsesForOptimizersWithoutIt() {
        Grid grid = new Grid(List.of("rmsprop", "adagrad", "adam"), null, List.of(0.0), List.of(0.0), Arrays.asList((Integer) null));
        List<TrialSpec> trials = spec(grid, List.of(0L)).trials();
        assertEquals(3, trials.size());
        trials.forEach(t -> assertEquals(null, t.momentum()));
    }

    @Test
    void noLearningRateAxisMeansEachOptimizersBaseLearningRate() {
        Grid grid = new Grid(List.of("sgd", "rmsprop", "adagrad", "adam"), null, List.of(0.0), List.of(0.0),
                Arrays.asList((Integer) null));
        List<Double> lrs = spec(grid, List.of(0L)).trials().stream().map(TrialSpec::learningRate).toList();
        assertEquals(List.of(0.01, 0.001, 0.01, 0.001), lrs);
    }

    @Test
    void nesterovAppliesOnlyWhereMomentumIsAboveZero() {
        OptimizerTemplates nesterov = new OptimizerTemplates(java.util.Map.of("sgd", java.util.Map.of("nesterov", true)));
        Grid grid = new Grid(List.of("sgd"), List.of(0.01), List.of(0.0, 0.9), List.of(0.0), Arrays.asList((Integer) null));
        SweepSpec spec = new SweepSpec("n", BlobsSpec.reference(), ModelSpec.reference(), TrainingSpec.reference(), nesterov,
                PlateauTemplate.kerasDefaults(), grid, List.of(0L));
        List<TrialSpec> trials = spec.trials();
        assertEquals(new Sgd(0.01, 0.0, false, 0.0), trials.get(0).optimizer());
        assertEquals(new Sgd(0.01, 0.9, true, 0.0), trials.get(1).optimizer());
    }

    @Test
    void withSeedsReplacesTheSeedsByZeroToNMinusOne() {
        SweepSpec spec = spec(Grid.defaults(), List.of(9L));
        SweepSpec five = spec.withSeeds(5);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), five.seeds());
        assertEquals(5, five.trials().size());
        assertEquals(spec.grid(), five.grid());
        SweepSpecException e = assertThrows(SweepSpecException.class, () -> spec.withSeeds(0));
        assertEquals("seeds", e.field());
    }

    @Test
    void seedsAreCheckedInTheConstructor() {
        assertEquals("seeds", assertThrows(SweepSpecException.class, () -> spec(Grid.defaults(), List.of())).field());
        assertEquals("seeds[1]", assertThrows(SweepSpecException.class, () -> spec(Grid.defaults(), List.of(1L, -1L))).field());
        assertEquals("seeds[2]", assertThrows(SweepSpecException.class, () -> spec(Grid.defaults(), List.of(1L, 2L, 1L))).field());
    }

    @Test
    void gridAxesAreCheckedInTheConstructor() {
        SweepSpecException e = assertThrows(SweepSpecException.class,
                () -> new Grid(List.of("sgd"), List.of(0.1, 0.1), List.of(0.0), List.of(0.0), Arrays.asList((Integer) null)));
        assertEquals("grid.learning_rate[1]", e.field());
        e = assertThrows(SweepSpecException.class,
                () -> new Grid(List.of("sgd"), null, List.of(0.0), List.of(), Arrays.asList((Integer) null)));
        assertEquals("grid.decay", e.field());
        e = assertThrows(SweepSpecException.class,
                () -> new Grid(List.of("sgd"), null, Arrays.asList(0.0, null), List.of(0.0), Arrays.asList((Integer) null)));
        assertEquals("grid.momentum[1]", e.field());
    }

    @Test
    void negativeZeroIsZero() {
        Grid grid = new Grid(List.of("sgd"), null, List.of(-0.0), List.of(-0.0), Arrays.asList((Integer) null));
        assertEquals(List.of(0.0), grid.momenta());
        assertEquals(List.of(0.0), grid.decays());
        assertThrows(SweepSpecException.class,
                () -> new Grid(List.of("sgd"), null, List.of(0.0, -0.0), List.of(0.0), Arrays.asList((Integer) null)));
    }

    @Test
    void sizeLimitIsOneHundredThousandTrialsUnlessLargeSweepsAreAllowed() {
        List<Double> lrs = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            lrs.add(i * 1e-4);
        }
        List<Double> decays = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            decays.add(i * 1e-3);
        }
        SweepSpec big = spec(new Grid(List.of("sgd"), lrs, List.of(0.0), decays, Arrays.asList((Integer) null)), List.of(0L));
        assertEquals(101_000, big.trialCount());
        SweepSpecException e = assertThrows(SweepSpecException.class, () -> big.checkSize(false));
        assertEquals("grid", e.field());
        assertTrue(e.getMessage().contains("101000"), e.getMessage());
        assertSame(big, big.checkSize(true));
        SweepSpec fits = spec(new Grid(List.of("sgd"), lrs, List.of(0.0), decays.subList(0, 100), Arrays.asList((Integer) null)),
                List.of(0L));
        assertSame(fits, fits.checkSize(false));
    }

    @Test
    void theNameIsASafeDirectoryName() {
        for (String bad : new String[] {"", ".", "..", "a/b", "a b", "é", "x".repeat(101)}) {
            assertThrows(SweepSpecException.class, () -> new SweepSpec(bad, BlobsSpec.reference(), ModelSpec.reference(),
                    TrainingSpec.reference(), OptimizerTemplates.defaults(), PlateauTemplate.kerasDefaults(), Grid.defaults(),
                    List.of(0L)), bad);
        }
        assertFalse(spec(Grid.defaults(), List.of(0L)).trials().isEmpty());
    }
}
