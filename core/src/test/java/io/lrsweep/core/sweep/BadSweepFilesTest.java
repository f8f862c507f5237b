package io.lrsweep.core.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file in {@code sweep/bad/} is refused with the field path and message fragment that
 * {@code sweep/bad/index.tsv} gives for it.
 */
class BadSweepFilesTest {

    static Stream<Arguments> cases() throws IOException {
        return index().stream().map(row -> Arguments.of(row[0], row[1].equals("-") ? "" : row[1], row[2]));
    }

    private static List<String[]> index() throws IOException {
        return Files.readAllLines(SweepResources.file("bad", "index.tsv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", -1))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithFieldAndMessage(String file, String field, String fragment) {
        SweepSpecException e = assertThrows(SweepSpecException.class, () -> SweepParser.parse(SweepResources.file("bad", file)));
        assertEquals(field, e.field(), () -> "field of: " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        if (!field.isEmpty() && !e.getMessage().startsWith("malformed JSON")) {
            assertTrue(e.getMessage().startsWith(field), () -> "message should start with the field: " + e.getMessage());
        }
    }

    @Test
    void everyBadFileIsIndexedOnceAndExists() throws IOException {
        Set<String> indexed = new HashSet<>();
        for (String[] row : index()) {
            assertEquals(3, row.length, () -> "index row needs 3 columns: " + String.join("|", row));
            assertTrue(indexed.add(row[0]), () -> "indexed twice: " + row[0]);
        }
        assertEquals(Set.copyOf(SweepResources.jsonFiles("bad")), indexed);
    }

    @Test
    void theTooLargeGridParsesWhenLargeSweepsAreAllowed() throws IOException {
        SweepSpec spec = SweepParser.parse(SweepResources.file("bad", "grid-too-large.json"), true);
        assertEquals(200_000, spec.trialCount());
    }
}
