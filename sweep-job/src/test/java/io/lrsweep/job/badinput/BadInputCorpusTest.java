package io.lrsweep.job.badinput;

import io.lrsweep.job.SharedSpark;
import io.lrsweep.job.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every row of the bad-input corpus ({@code src/test/resources/badinput/index.tsv}) through
 * {@code lrsweep} in this JVM and checks the exit status, the message, and that nothing was
 * written. The test JVM's shared Spark session is started first, so that the rows that get as far
 * as reading data or opening the output directory run against it.
 */
class BadInputCorpusTest {

    @TempDir
    static Path scratch;

    private static Path corpus;

    @BeforeAll
    static void copyCorpus() throws IOException, URISyntaxException {
        corpus = Corpus.copy(Path.of(BadInputCorpusTest.class.getResource("/badinput/index.tsv").toURI()).getParent(),
                scratch.resolve("corpus"));
        SharedSpark.session();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseIsRefusedAsListedAndWritesNothing() throws IOException {
        List<Corpus.Case> cases = Corpus.cases(corpus.resolve("index.tsv"));
        assertTrue(cases.size() >= 30, "the corpus has at least 30 cases, got " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
    }

    private static void check(Corpus.Case c) throws IOException {
        Path out = Files.createTempDirectory(scratch, c.id() + "-").resolve("out");
        String[] args = c.arguments(corpus, out);
        List<String> before = Corpus.listing(corpus);
        Path results = Path.of("results");
        boolean resultsBefore = Files.exists(results);

        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int status = Main.execute(new PrintWriter(stdout), new PrintWriter(stderr), args);
        String shown = "lrsweep " + String.join(" ", args) + "\nstatus " + status + "\n--- out\n" + stdout + "--- err\n" + stderr;

        assertEquals(c.status(), status, shown);
        String expected = c.fragment(corpus);
        assertTrue((status == 0 ? stdout : stderr).toString().contains(expected), () -> "expected '" + expected + "' in\n" + shown);
        if (status != 0) {
            assertTrue(stderr.toString().startsWith("error: "), shown);
            assertFalse(stderr.toString().contains("\tat "), "no stack trace without --verbose\n" + shown);
        }
        assertFalse(Files.exists(out), "nothing is written: " + out + "\n" + shown);
        assertEquals(before, Corpus.listing(corpus), "the corpus is left as it was\n" + shown);
        assertEquals(resultsBefore, Files.exists(results), "no default output directory appears\n" + shown);
    }
}
