package io.lrsweep.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resolved form of a sweep: every default written, and read back to the same trials. */
class SweepWriterTest {

    static Stream<Arguments> sweeps() {
        return Stream.concat(
                SweepResources.jsonFiles("good").stream().map(f -> Arguments.of("good", f)),
                SweepResources.jsonFiles("reference").stream().map(f -> Arguments.of("reference", f)));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("sweeps")
    void writtenSweepReadsBackToTheSameTrials(String dir, String file) {
        SweepSpec spec = SweepResources.parse(dir, file);
        String json = SweepWriter.toJson(spec);
        SweepSpec back = SweepParser.parse(json);
        assertEquals(spec, back);
        assertEquals(spec.trials(), back.trials());
        assertEquals(json, SweepWriter.toJson(back), "writing is idempotent");
    }

    @Test
    void everyDefaultIsFilledIn() {
        JsonNode o = SweepWriter.toTree(SweepResources.parse("good", "minimal.json"));
        assertEquals("minimal", o.get("name").textValue());
        assertEquals(1000, o.at("/dataset/samples").intValue());
        assertEquals("blobs", o.at("/dataset/kind").textValue());
        assertEquals(2, o.at("/dataset/random_state").intValue());
        assertEquals(0.5, o.at("/dataset/train_fraction").doubleValue());
        assertEquals("[50]", o.at("/model/hidden").toString());
        assertEquals("relu", o.at("/model/activation").textValue());
        assertEquals(200, o.at("/training/epochs").intValue());
        assertEquals(32, o.at("/training/batch_size").intValue());
        assertTrue(o.at("/training/shuffle").booleanValue());
        assertEquals("constant", o.at("/training/schedule/kind").textValue());
        assertEquals(0.01, o.at("/optimizers/sgd/learning_rate").doubleValue());
        assertFalse(o.at("/optimizers/sgd/nesterov").booleanValue());
        assertEquals("[\"sgd\"]", o.at("/grid/optimizer").toString());
        assertTrue(o.at("/grid/learning_rate").isMissingNode());
        assertEquals("[0.0]", o.at("/grid/momentum").toString());
        assertEquals("[0.0]", o.at("/grid/decay").toString());
        assertEquals("[null]", o.at("/grid/patience").toString());
        assertEquals("[0]", o.get("seeds").toString());
        assertFalse(o.has("plateau"), "no trial uses a plateau controller");
    }

    @Test
    void learningRatesAppearPerOptimizerWhenTheGridHasNone() {
        JsonNode o = SweepWriter.toTree(SweepResources.parse("reference", "optimizers.json"));
        assertEquals(0.01, o.at("/optimizers/sgd/learning_rate").doubleValue());
        assertEquals(0.001, o.at("/optimizers/rmsprop/learning_rate").doubleValue());
        assertEquals(0.9, o.at("/optimizers/rmsprop/rho").doubleValue());
        assertEquals(0.01, o.at("/optimizers/adagrad/learning_rate").doubleValue());
        assertEquals("keras", o.at("/optimizers/adagrad/variant").textValue());
        assertEquals(0.0, o.at("/optimizers/adagrad/initial_accumulator").doubleValue());
        assertEquals(0.001, o.at("/optimizers/adam/learning_rate").doubleValue());
        assertEquals(0.999, o.at("/optimizers/adam/beta_2").doubleValue());
        assertEquals("[0,1,2]", o.get("seeds").toString());
    }

    @Test
    void plateauAndLearningRateAxisAreWrittenWhenUsed() {
        JsonNode o = SweepWriter.toTree(SweepResources.parse("reference", "plateau.json"));
        assertEquals(1e-7, o.at("/plateau/min_delta").doubleValue());
        assertEquals("[0.01]", o.at("/grid/learning_rate").toString());
        assertTrue(o.at("/optimizers/sgd/learning_rate").isMissingNode());
        assertEquals("[2,5,10,15]", o.at("/grid/patience").toString());
    }

    @Test
    void writesAFile(@TempDir Path dir) throws IOException {
        SweepSpec spec = SweepResources.parse("good", "csv-named.json");
        Path file = dir.resolve("sweep.json");
        SweepWriter.write(spec, file);
        assertEquals(spec.trials(), SweepParser.parse(file).trials());
    }
}
