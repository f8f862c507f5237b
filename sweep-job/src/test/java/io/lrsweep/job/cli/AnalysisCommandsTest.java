package io.lrsweep.job.cli;

import io.lrsweep.job.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run} ends with the report; {@code report} and {@code lr-find} work on their own. */
class AnalysisCommandsTest {

    @Test
    void runWritesTheReportAndReportRebuildsIt(@TempDir Path tmp) throws Exception {
        SharedSpark.session();
        Path sweep = SweepFixtures.write(tmp, "tiny.json", SweepFixtures.TINY);
        Path out = tmp.resolve("out");
        Cli run = Cli.run("run", sweep.toString(), "--out", out.toString());
        assertEquals(0, run.status(), run::toString);
        assertTrue(run.out().contains("report"), run::toString);
        Path index = out.resolve("report").resolve("index.html");
        assertTrue(Files.exists(index), "run ends with the report");
        assertTrue(Files.isDirectory(out.resolve("sensitivity")));

        Files.delete(index);
        Cli report = Cli.run("report", out.toString());
        assertEquals(0, report.status(), report::toString);
        assertTrue(Files.exists(index), "report redraws index.html");
    }

    @Test
    void reportOnAPartialSweepSaysHowManyTrialsOfTheGridAreMissing(@TempDir Path tmp) throws Exception {
        SharedSpark.session();
        Path sweep = SweepFixtures.write(tmp, "tiny.json", SweepFixtures.TINY);
        Path out = tmp.resolve("out");
        Cli run = Cli.run("run", sweep.toString(), "--out", out.toString(), "--wave-size", "2");
        assertEquals(0, run.status(), run::toString);
        // As if the run had stopped after its first wave.
        try (var files = Files.list(out.resolve("trials"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().contains("part-w00002-")).toList()) {
                Files.delete(f);
            }
        }
        Cli report = Cli.run("report", out.toString());
        assertEquals(0, report.status(), report::toString);
        assertTrue(report.out().contains("  trials   2 of the grid's 4 (2 missing: lrsweep run <sweep file> --out " + out
                + " --resume runs them)"), report::toString);
        assertTrue(report.out().contains("2 of the grid's 4 trials are missing"), "and a note in the report: " + report);
    }

    @Test
    void lrFindRefusesADirectoryOfAnotherSweep(@TempDir Path tmp) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(out.resolve("sweep.json"), SweepFixtures.TINY.replace("\"tiny\"", "\"other\""));
        Path sweep = SweepFixtures.write(tmp, "tiny.json", SweepFixtures.TINY);
        Cli find = Cli.run("lr-find", sweep.toString(), "--out", out.toString());
        assertEquals(2, find.status(), find::toString);
        assertTrue(find.err().contains("it holds the sweep 'other', not 'tiny'"), find::toString);
        assertFalse(Files.exists(out.resolve("lr_find")));
    }

    @Test
    void reportOnADirectoryWithoutTablesIsBadInput(@TempDir Path tmp) {
        SharedSpark.session();
        Cli report = Cli.run("report", tmp.resolve("nothing-here").toString());
        assertEquals(2, report.status(), report::toString);
        assertFalse(Files.exists(tmp.resolve("nothing-here").resolve("report")));
    }

    @Test
    void lrFindWritesItsTablesAndSuggestion(@TempDir Path tmp) throws Exception {
        SharedSpark.session();
        Path sweep = SweepFixtures.write(tmp, "tiny.json", SweepFixtures.TINY);
        Path out = tmp.resolve("lr");
        Cli find = Cli.run("lr-find", sweep.toString(), "--out", out.toString(), "--updates", "60");
        assertEquals(0, find.status(), find::toString);
        assertTrue(find.out().contains("suggest"), find::toString);
        assertTrue(Files.isDirectory(out.resolve("lr_find")));
        assertTrue(Files.exists(out.resolve("report").resolve("index.html")));
    }

    @Test
    void lrFindRejectsABadRamp(@TempDir Path tmp) throws Exception {
        Path sweep = SweepFixtures.write(tmp, "tiny.json", SweepFixtures.TINY);
        Cli find = Cli.run("lr-find", sweep.toString(), "--out", tmp.resolve("x").toString(), "--lr-min", "0");
        assertEquals(2, find.status(), find::toString);
        assertTrue(find.err().contains("lr-min"), find::toString);
        assertFalse(Files.exists(tmp.resolve("x")));
    }
}
