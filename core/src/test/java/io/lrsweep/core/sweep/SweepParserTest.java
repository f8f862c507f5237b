package io.lrsweep.core.sweep;

import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.FileDatasetSpec;
import io.lrsweep.core.data.FileDatasetSpec.ColumnRef;
import io.lrsweep.core.model.Activation;
import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.optim.Adagrad;
import io.lrsweep.core.optim.Adam;
import io.lrsweep.core.optim.RmsProp;
import io.lrsweep.core.optim.Sgd;
import io.lrsweep.core.schedule.Monitor;
import io.lrsweep.core.schedule.PlateauSpec;
import io.lrsweep.core.schedule.Schedule;
import io.lrsweep.core.train.TrainingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Good sweep files: what each parses to, defaults, ranges and document limits. */
class SweepParserTest {

    static List<String> goodFiles() {
        return SweepResources.jsonFiles("good");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodFiles")
    void everyGoodFileParsesAndExpands(String file) {
        SweepSpec spec = SweepResources.parse("good", file);
        assertEquals(spec.trialCount(), spec.trials().size());
        assertEquals(file.replace(".json", ""), spec.name());
    }

    @Test
    void aNameAloneIsTheReferenceSetupAtSgdDefaults() {
        SweepSpec spec = SweepResources.parse("good", "minimal.json");
        SweepSpec expected = new SweepSpec("minimal", BlobsSpec.reference(), ModelSpec.reference(), TrainingSpec.reference(),
                OptimizerTemplates.defaults(), PlateauTemplate.kerasDefaults(), Grid.defaults(), List.of(0L));
        assertEquals(expected, spec);
        List<TrialSpec> trials = spec.trials();
        assertEquals(1, trials.size());
        assertEquals(Sgd.defaults(), trials.get(0).optimizer());
        assertNull(trials.get(0).patience());
    }

    @Test
    void csvWithNamedColumns() {
        SweepSpec spec = SweepResources.parse("good", "csv-named.json");
        assertEquals(new FileDatasetSpec("csv", "data/blobs.csv", ColumnRef.named("label"),
                List.of(ColumnRef.named("x0"), ColumnRef.named("x1")), 0.8, true), spec.dataset());
        assertEquals(new ModelSpec(List.of(32, 16), Activation.TANH), spec.model());
        assertEquals(new TrainingSpec(50, 64, false, new Schedule.ExponentialDecay(0.99)), spec.training());
        assertEquals(List.of(new Adam(0.001, 0.9, 0.999, 1e-7, 0.0), new Adam(0.001, 0.9, 0.999, 1e-7, 0.0),
                new Adam(3e-4, 0.9, 0.999, 1e-7, 0.0), new Adam(3e-4, 0.9, 0.999, 1e-7, 0.0)),
                spec.trials().stream().map(TrialSpec::optimizer).toList());
    }

    @Test
    void parquetWithColumnPositionsAndAStepSchedule() {
        SweepSpec spec = SweepResources.parse("good", "parquet-positions.json");
        assertEquals(new FileDatasetSpec("parquet", "/data/table.parquet", ColumnRef.at(0), List.of(ColumnRef.at(1), ColumnRef.at(2)),
                0.5, false), spec.dataset());
        assertEquals(new TrainingSpec(10, 32, true, new Schedule.StepDecay(0.5, 10)), spec.training());
    }

    @Test
    void libsvmTakesOnlyAPath() {
        SweepSpec spec = SweepResources.parse("good", "libsvm.json");
        assertEquals(new FileDatasetSpec("libsvm", "data/a1a.libsvm", null, List.of(), 0.7, false), spec.dataset());
        assertEquals(Activation.SIGMOID, spec.model().activation());
        assertEquals(RmsProp.defaults(), spec.trials().get(0).optimizer());
    }

    @Test
    void adagradTfKerasVariantHasItsOwnDefaults() {
        SweepSpec spec = SweepResources.parse("good", "adagrad-tf-keras.json");
        List<TrialSpec> trials = spec.trials();
        assertEquals(Adagrad.defaults(Adagrad.Variant.TF_KERAS), trials.get(0).optimizer());
        assertEquals(0.001, trials.get(0).learningRate());
        assertEquals(0.1, ((Adagrad) trials.get(0).optimizer()).initialAccumulator());
        assertEquals(List.of(7L, 3L), trials.stream().map(TrialSpec::seed).toList(), "seeds in the order given");
    }

    @Test
    void nesterovAppliesToTheSgdTrialsWithMomentum() {
        List<TrialSpec> trials = SweepResources.parse("good", "nesterov.json").trials();
        assertEquals(List.of(new Sgd(0.01, 0.0, false, 0.0), new Sgd(0.01, 0.9, true, 0.0), new Adam(0.01, 0.9, 0.999, 1e-7, 0.0)),
                trials.stream().map(TrialSpec::optimizer).toList());
    }

    @Test
    void baseLearningRatesFromTheOptimizersBlock() {
        List<TrialSpec> trials = SweepResources.parse("good", "base-learning-rates.json").trials();
        assertEquals(List.of(0.1, 0.0005, 0.001), trials.stream().map(TrialSpec::learningRate).toList());
    }

    @Test
    void aMinLrAboveTheLearningRateIsAllowed() {
        List<TrialSpec> trials = SweepResources.parse("good", "min-lr-above-lr.json").trials();
        assertEquals(4, trials.size());
        assertEquals(new PlateauSpec(Monitor.VAL_ACCURACY, 0.1, 3, 1e-4, 2, 0.5), trials.get(1).settings().plateau());
    }

    @Test
    void fullGridCrossesEveryAxis() {
        SweepSpec spec = SweepResources.parse("good", "full-grid.json");
        assertEquals(List.of(1e-4, 1e-3, 1e-2, 1e-1, 1.0), spec.grid().learningRates());
        // sgd: 5 lr x 2 momentum x 2 decay x 2 patience; the others 5 x 1 x 2 x 2; times 3 seeds.
        assertEquals((40 + 3 * 20) * 3, spec.trials().size());
    }

    @Test
    void logRangeIsInclusiveAscendingAndExactAtDecades() {
        SweepSpec spec = SweepParser.parse("{\"name\": \"r\", \"grid\": {\"learning_rate\": {\"min\": 1e-7, \"max\": 1, \"points\": 8}}}");
        SweepSpec listed = SweepResources.parse("reference", "learning-rate.json");
        assertEquals(List.of(1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0), spec.grid().learningRates());
        assertEquals(listed.trials().stream().filter(t -> t.seed() == 0).map(TrialSpec::trialId).sorted().toList(),
                spec.trials().stream().map(TrialSpec::trialId).sorted().toList(), "a range point is the same trial as its literal");
        List<Double> half = SweepParser.parse("{\"name\": \"r\", \"grid\": {\"learning_rate\": {\"min\": 0.001, \"max\": 0.1, \"points\": 5}}}")
                .grid().learningRates();
        assertEquals(List.of(0.001, 0.00316227766017, 0.01, 0.0316227766017, 0.1), half);
        assertEquals(List.of(0.05), SweepParser.parse(
                "{\"name\": \"r\", \"grid\": {\"learning_rate\": {\"min\": 0.05, \"max\": 0.05, \"points\": 1}}}").grid().learningRates());
    }

    @Test
    void negativeZeroReadsAsZero() {
        SweepSpec minus = SweepParser.parse("{\"name\": \"z\", \"grid\": {\"momentum\": [-0.0], \"decay\": [-0.0]}}");
        SweepSpec plus = SweepParser.parse("{\"name\": \"z\"}");
        assertEquals(plus.trials(), minus.trials());
    }

    @Test
    void patienceNullMeansNoPlateauController() {
        List<TrialSpec> trials = SweepParser.parse("{\"name\": \"p\", \"grid\": {\"patience\": [null, 0, 7]}}").trials();
        assertEquals(Arrays.asList(null, 0, 7), trials.stream().map(TrialSpec::patience).toList());
        assertNull(trials.get(0).settings().plateau());
        assertEquals(PlateauSpec.kerasDefaults().withPatience(7), trials.get(2).settings().plateau());
    }

    @Test
    void documentsOverOneMebibyteAreRefused(@TempDir Path dir) throws IOException {
        String padded = "{\"name\": \"big\"" + " ".repeat(SweepParser.MAX_DOCUMENT_BYTES) + "}";
        Path file = dir.resolve("big.json");
        Files.writeString(file, padded);
        SweepSpecException fromFile = assertThrows(SweepSpecException.class, () -> SweepParser.parse(file));
        assertEquals("", fromFile.field());
        assertTrue(fromFile.getMessage().contains("more than the limit of 1048576"), fromFile.getMessage());
        SweepSpecException fromText = assertThrows(SweepSpecException.class, () -> SweepParser.parse(padded));
        assertTrue(fromText.getMessage().startsWith("malformed JSON"), fromText.getMessage());
        assertTrue(fromText.getMessage().contains("1048576"), fromText.getMessage());
    }

    @Test
    void largeSweepsNeedTheFlag() {
        String json = "{\"name\": \"big\", \"grid\": {\"learning_rate\": {\"min\": 1e-6, \"max\": 1, \"points\": 10000},"
                + " \"decay\": [0, 0.1]}, \"seeds\": 6}";
        SweepSpecException e = assertThrows(SweepSpecException.class, () -> SweepParser.parse(json));
        assertEquals("grid", e.field());
        assertEquals(120_000, SweepParser.parse(json, true).trialCount());
    }

    @Test
    void aMissingFileIsAnIoError(@TempDir Path dir) {
        assertThrows(IOException.class, () -> SweepParser.parse(dir.resolve("nope.json")));
    }
}
