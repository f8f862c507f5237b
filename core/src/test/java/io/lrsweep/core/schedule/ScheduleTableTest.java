package io.lrsweep.core.schedule;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The schedule kinds' declarations drive what the README documents. */
class ScheduleTableTest {

    @Test
    void theReadmeDocumentsExactlyTheDeclaredScheduleKinds() throws IOException {
        List<String> documented = Files.readAllLines(Path.of("..", "README.md")).stream()
                .filter(l -> l.startsWith(ScheduleTable.ROW_PREFIX)).toList();
        assertEquals(ScheduleTable.rows(), documented,
                "README's schedule rows differ from the declarations: regenerate them with io.lrsweep.core.schedule.ScheduleTable");
    }
}
