package io.lrsweep.core.sweep;

import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.optim.Adagrad;
import io.lrsweep.core.optim.Adam;
import io.lrsweep.core.optim.RmsProp;
import io.lrsweep.core.optim.Sgd;
import io.lrsweep.core.schedule.Monitor;
import io.lrsweep.core.schedule.PlateauSpec;
import io.lrsweep.core.train.TrainingSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The five reference experiments of training-semantics.md, as sweep files under {@code sweep/reference/}. */
class ReferenceSweepsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"learning-rate, 8", "momentum, 4", "decay, 4", "plateau, 4", "optimizers, 4"})
    void expandsToTheReferencePointsTimesThreeSeeds(String name, int points) {
        SweepSpec spec = SweepResources.parse("reference", name + ".json");
        assertEquals(name, spec.name());
        assertEquals(List.of(0L, 1L, 2L), spec.seeds());
        assertEquals(BlobsSpec.reference(), spec.dataset());
        assertEquals(ModelSpec.reference(), spec.model());
        assertEquals(TrainingSpec.reference(), spec.training());
        List<TrialSpec> trials = spec.trials();
        assertEquals(points * 3, trials.size());
        assertEquals(points * 3L, spec.trialCount());
        for (int i = 0; i < trials.size(); i++) {
            assertEquals(i, trials.get(i).index());
            assertEquals(i % 3, trials.get(i).seed());
        }
    }

    @Test
    void learningRate() {
        List<TrialSpec> trials = SweepResources.parse("reference", "learning-rate.json").trials();
        List<Double> expected = List.of(1.0, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7);
        for (int i = 0; i < trials.size(); i++) {
            assertEquals(new Sgd(expected.get(i / 3), 0.0, false, 0.0), trials.get(i).optimizer());
            assertNull(trials.get(i).patience());
        }
    }

    @Test
    void momentum() {
        List<TrialSpec> trials = SweepResources.parse("reference", "momentum.json").trials();
        List<Double> expected = List.of(0.0, 0.5, 0.9, 0.99);
        for (int i = 0; i < trials.size(); i++) {
            assertEquals(new Sgd(0.01, expected.get(i / 3), false, 0.0), trials.get(i).optimizer());
        }
    }

    @Test
    void decay() {
        List<TrialSpec> trials = SweepResources.parse("reference", "decay.json").trials();
        List<Double> expected = List.of(1e-1, 1e-2, 1e-3, 1e-4);
        for (int i = 0; i < trials.size(); i++) {
            assertEquals(new Sgd(0.01, 0.0, false, expected.get(i / 3)), trials.get(i).optimizer());
        }
    }

    @Test
    void plateau() {
        List<TrialSpec> trials = SweepResources.parse("reference", "plateau.json").trials();
        List<Integer> expected = List.of(2, 5, 10, 15);
        for (int i = 0; i < trials.size(); i++) {
            assertEquals(new Sgd(0.01, 0.0, false, 0.0), trials.get(i).optimizer());
            assertEquals(new PlateauSpec(Monitor.VAL_LOSS, 0.1, expected.get(i / 3), 1e-7, 0, 0.0),
                    trials.get(i).settings().plateau());
        }
    }

    @Test
    void optimizersAtTheirKerasDefaults() {
        List<TrialSpec> trials = SweepResources.parse("reference", "optimizers.json").trials();
        assertEquals(Sgd.defaults(), trials.get(0).optimizer());
        assertEquals(RmsProp.defaults(), trials.get(3).optimizer());
        assertEquals(Adagrad.defaults(), trials.get(6).optimizer());
        assertEquals(Adam.defaults(), trials.get(9).optimizer());
        assertEquals(List.of(0.01, 0.001, 0.01, 0.001),
                List.of(trials.get(0).learningRate(), trials.get(3).learningRate(), trials.get(6).learningRate(),
                        trials.get(9).learningRate()));
        assertEquals(0.0, trials.get(0).momentum());
        assertNull(trials.get(3).momentum());
    }
}
