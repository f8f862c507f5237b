package io.lrsweep.core.sweep;

import io.lrsweep.core.schedule.Monitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweep file's {@code analysis} block: defaults, strict reading, written back, and no effect on trials. */
class AnalysisSectionTest {

    static final String BASE = """
            { "name": "a", "grid": { "learning_rate": [0.1, 0.01] }, "seeds": 2 %s }
            """;

    static SweepSpec parse(String analysis) {
        return SweepParser.parse(BASE.formatted(analysis.isEmpty() ? "" : ", \"analysis\": " + analysis));
    }

    @Test
    void absentMeansTheDefaults() {
        AnalysisSpec a = parse("").analysis();
        assertEquals(Monitor.VAL_LOSS, a.metric());
        assertEquals(0.8, a.targetAccuracy());
        assertEquals(0.1, a.basinTolerance());
        assertEquals(AnalysisSpec.defaults(), a);
    }

    @Test
    void everyKeyIsRead() {
        AnalysisSpec a = parse("{ \"metric\": \"val_accuracy\", \"target_accuracy\": 0.9, \"basin_tolerance\": 0.25 }").analysis();
        assertEquals(new AnalysisSpec(Monitor.VAL_ACCURACY, 0.9, 0.25), a);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{ \"metric\": \"f1\" }|analysis.metric|val_loss, val_accuracy, loss, accuracy",
            "{ \"metric\": 1 }|analysis.metric|must be a string",
            "{ \"target_accuracy\": 1.5 }|analysis.target_accuracy|(0, 1]",
            "{ \"target_accuracy\": 0 }|analysis.target_accuracy|(0, 1]",
            "{ \"basin_tolerance\": -0.1 }|analysis.basin_tolerance|>= 0",
            "{ \"basin\": 0.1 }|analysis.basin|allowed in analysis: metric, target_accuracy, basin_tolerance",
            "[]|analysis|must be a JSON object",
    })
    void badValuesNameTheFieldAndWhatIsAllowed(String block, String field, String allowed) {
        SweepSpecException e = assertThrows(SweepSpecException.class, () -> parse(block));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(field) && e.getMessage().contains(allowed), e.getMessage());
    }

    @Test
    void theResolvedSweepWritesItBackAndReadsTheSame() {
        SweepSpec spec = parse("{ \"metric\": \"accuracy\", \"basin_tolerance\": 0.05 }");
        String json = SweepWriter.toJson(spec);
        assertTrue(json.contains("\"analysis\""), json);
        SweepSpec back = SweepParser.parse(json);
        assertEquals(spec.analysis(), back.analysis());
        assertEquals(0.8, back.analysis().targetAccuracy(), "the default target is written too");
    }

    @Test
    void theAnalysisChangesNoTrial() {
        SweepSpec plain = parse("");
        SweepSpec other = parse("{ \"metric\": \"loss\", \"target_accuracy\": 0.5 }");
        assertEquals(plain.trials(), other.trials());
        assertEquals(plain.withSeeds(3).trials(), other.withSeeds(3).trials());
        assertEquals(other.analysis(), other.withSeeds(3).analysis(), "--seeds keeps the analysis settings");
    }
}
