package io.lrsweep.job.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --metric}, {@code --target-accuracy} and {@code --basin-tolerance}: a bad value is exit
 * status 2 with the option and what it allows, before anything is written; a good one changes the
 * report (and, for {@code run}, the resolved sweep.json). The report works on a stored sweep output,
 * so these tests run no Spark.
 */
class AnalysisOptionsTest {

    @TempDir
    Path tmp;

    /** A copy of a stored sweep output (the engine's tables of a small blobs sweep). */
    Path output() throws Exception {
        return copy(io.lrsweep.job.table.Fixtures.dir("fixture-lr-momentum"), tmp.resolve("out"));
    }

    static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
        return to;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--metric|f1|--metric must be one of val_loss, val_accuracy, loss, accuracy, got 'f1'",
            "--target-accuracy|1.5|--target-accuracy must be a number in (0, 1], got 1.5",
            "--target-accuracy|0|--target-accuracy must be a number in (0, 1], got 0.0",
            "--basin-tolerance|-0.1|--basin-tolerance must be a finite number >= 0, got -0.1",
            "--basin-tolerance|lots|Invalid value for option '--basin-tolerance'",
    })
    void aBadValueIsRefusedByNameAndNothingIsWritten(String option, String value, String message) throws Exception {
        Path out = output();
        Cli report = Cli.run("report", out.toString(), option, value);
        assertEquals(2, report.status(), report::toString);
        assertTrue(report.err().contains(message), report::toString);
        assertFalse(Files.exists(out.resolve("report")), "nothing written");
        assertFalse(Files.exists(out.resolve("sensitivity")), "nothing written");

        Path sweep = SweepFixtures.write(tmp, "tiny.json", SweepFixtures.TINY);
        Cli run = Cli.run("run", sweep.toString(), "--out", tmp.resolve("run").toString(), option, value);
        assertEquals(2, run.status(), run::toString);
        assertTrue(run.err().contains(message), run::toString);
        assertFalse(Files.exists(tmp.resolve("run")), "nothing written");
    }

    @Test
    void theMetricAndThresholdsChangeTheReportAndAreShownInIt() throws Exception {
        Path out = output();
        Cli report = Cli.run("report", out.toString(), "--metric", "val_accuracy", "--target-accuracy", "0.7",
                "--basin-tolerance", "0.25");
        assertEquals(0, report.status(), report::toString);
        assertTrue(report.out().contains("  best     ") && report.out().contains(": val_accuracy 0."), report::toString);
        String html = Files.readString(out.resolve("report/index.html"));
        assertTrue(html.contains("Read by the final val_accuracy (higher is better); basin: within 25% of the best; "
                + "target: 70% val_accuracy."), html);
        assertFalse(report.out().contains("file:"), report::toString);
    }
}
