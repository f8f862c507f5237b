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
