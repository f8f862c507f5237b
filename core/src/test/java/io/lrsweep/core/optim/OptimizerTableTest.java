package io.lrsweep.core.optim;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optimizer declarations drive what the README documents and what a value map builds. */
class OptimizerTableTest {

    @Test
    void theReadmeDocumentsExactlyTheDeclaredOptimizers() throws IOException {
        Path readme = Path.of("..", "README.md");
        List<String> documented = Files.readAllLines(readme).stream()
                .filter(l -> OptimizerTable.ROW_PREFIXES.stream().anyMatch(l::startsWith)).toList();
        assertEquals(OptimizerTable.rows(), documented,
                "README's optimizer rows differ from the declarations: regenerate them with io.lrsweep.core.optim.OptimizerTable");
    }

    @Test
    void everyOptimizerReadsBackTheValuesItWasBuiltFrom() {
        for (OptimizerType<?> type : Optimizers.ALL) {
            Map<String, Object> defaults = type.complete(Map.of());
            assertEquals(defaults, type.values(type.defaults()), type.name());
            assertEquals(type.fields().get(0).key(), OptimizerType.LEARNING_RATE);
            assertEquals(type.fields().get(type.fields().size() - 2).key(), OptimizerType.DECAY);
            assertEquals(type.fields().get(type.fields().size() - 1).key(), OptimizerType.WEIGHT_DECAY);
        }
        assertEquals(List.of("sgd", "rmsprop", "adagrad", "adam", "adamw"), Optimizers.NAMES);
        assertEquals(0.001, Adagrad.TYPE.create(Map.of("variant", "tf.keras")).learningRate(), 0.0,
                "a default worked out from another field");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Adam.TYPE.create(Map.of("beta_2", 1.5)));
        assertTrue(e.getMessage().contains("beta_2"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Optimizers.named("adamax")).getMessage()
                .contains("[sgd, rmsprop, adagrad, adam, adamw]"));
    }
}
