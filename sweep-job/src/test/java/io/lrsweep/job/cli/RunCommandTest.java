package io.lrsweep.job.cli;

import io.lrsweep.job.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code lrsweep run}: bad input is refused with status 2 before anything is written, and a small
 * sweep runs end to end on the shared test session.
 */
class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void malformedSweepNamesTheFieldAndCreatesNoOutput() throws IOException {
        Path sweep = SweepFixtures.write(dir, "bad.json", SweepFixtures.TINY.replace("\"epochs\": 2", "\"epochs\": -2"));
        Path out = dir.resolve("out");
        Cli cli = Cli.run("run", sweep.toString(), "--out", out.toString());
        assertEquals(2, cli.status(), cli::toString);
        assertTrue(cli.err().startsWith("error: training.epochs: "), cli::toString);
        assertFalse(Files.exists(out), "nothing is written on status 2");
    }

    @Test
    void brokenJsonNamesTheFile() throws IOException {
        Path sweep = SweepFixtures.write(dir, "broken.json", "{ \"name\": \"x\", ");
        Cli cli = Cli.run("run", sweep.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, cli.status(), cli::toString);
        assertTrue(cli.err().startsWith("error: " + sweep + ": malformed JSON"), cli::toString);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void unknownOptimizer() throws IOException {
        Path sweep = SweepFixtures.write(dir, "bad.json", SweepFixtures.TINY.replace("[\"sgd\"]", "[\"nadam\"]"));
        Cli cli = Cli.run("run", sweep.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, cli.status(), cli::toString);
        assertTrue(cli.err().contains("grid.optimizer[0]") && cli.err().contains("'nadam'"), cli::toString);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void existingOutputDirectoryNeedsResumeOrOverwriteAndIsLeftUntouched() throws IOException {
        Path sweep = SweepFixtures.write(dir, "tiny.json", SweepFixtures.TINY);
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        Files.setLastModifiedTime(out.resolve("keep.txt"), FileTime.fromMillis(1_000_000_000_000L));
        List<String> before = listing(out);
        Cli cli = Cli.run("run", sweep.toString(), "--out", out.toString());
        assertEquals(2, cli.status(), cli::toString);
        assertTrue(cli.err().contains("already exists") && cli.err().contains("--resume")
                && cli.err().contains("--overwrite"), cli::toString);
        assertEquals(before, listing(out));
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    }

    @Test
    void overwriteRefusesADirectoryThatIsNotAnLrsweepOutput() throws IOException {
        Path sweep = SweepFixtures.write(dir, "tiny.json", SweepFixtures.TINY);
        Path out = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(out.resolve("cat.jpg"), "not a sweep");
        Cli cli = Cli.run("run", sweep.toString(), "--out", out.toString(), "--overwrite");
        assertEquals(2, cli.status(), cli::toString);
        assertTrue(cli.err().contains("not an lrsweep output directory"), cli::toString);
        assertTrue(Files.exists(out.resolve("cat.jpg")));
    }

    @Test
    void resumeAndOverwriteTogetherAreRefused() throws IOException {
        Path sweep = SweepFixtures.write(dir, "tiny.json", SweepFixtures.TINY);
        Cli cli = Cli.run("run", sweep.toString(), "--out", dir.resolve("out").toString(), "--resume", "--overwrite");
        assertEquals(2, cli.status(), cli::toString);
        assertTrue(cli.err().contains("--resume and --overwrite exclude each other"), cli::toString);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void badWaveSize() throws IOException {
        Path sweep = SweepFixtures.write(dir, "tiny.json", SweepFixtures.TINY);
        Cli cli = Cli.run("run", sweep.toString(), "--out", dir.resolve("out").toString(), "--wave-size", "0");
        assertEquals(2, cli.status(), cli::toString);
        assertTrue(cli.err().contains("--wave-size must be an integer >= 1, got 0"), cli::toString);
    }

    @Test
    void badMasterIsRefusedBeforeSparkStarts() throws IOException {
        Path sweep = SweepFixtures.write(dir, "tiny.json", SweepFixtures.TINY);
        Cli cli = Cli.run("run", sweep.toString(), "--out", dir.resolve("out").toString(), "--master", "foo://x");
        assertEquals(2, cli.status(), cli::toString);
        assertTrue(cli.err().contains("--master must be local, local[N], local[*]"), cli::toString);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void missingDataFileIsBadInputAndWritesNothing() throws IOException {
        SharedSpark.session();
        Path data = dir.resolve("absent.csv");
        Path sweep = SweepFixtures.write(dir, "file.json", SweepFixtures.TINY.replace("{ \"kind\": \"blobs\", \"samples\": 100 }",
                "{ \"kind\": \"csv\", \"path\": \"" + data + "\", \"label\": \"label\" }"));
        Path out = dir.resolve("out");
        Cli cli = Cli.run("run", sweep.toString(), "--out", out.toString());
        assertEquals(2, cli.status(), cli::toString);
        assertTrue(cli.err().contains(data + " does not exist"), cli::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void smallSweepRunsEndToEndAndReportsProgressAndTheBestSetting() throws IOException {
        SharedSpark.session();
        Path sweep = SweepFixtures.write(dir, "tiny.json", SweepFixtures.TINY);
        Path out = dir.resolve("out");
        Cli cli = Cli.run("run", sweep.toString(), "--out", out.toString(), "--wave-size", "3");
        assertEquals(0, cli.status(), cli::toString);
        assertTrue(Files.isDirectory(out.resolve("curves")) && Files.isDirectory(out.resolve("trials")), cli::toString);
        assertTrue(cli.out().contains("  output   " + out), cli::toString);
        assertTrue(cli.out().contains("4 trials: 4 ran (ok "), cli::toString);
        assertTrue(cli.out().contains("  best     sgd, lr "), cli::toString);
        assertTrue(cli.err().contains("trials 4/4 (100%)"), "progress from the Spark listener: " + cli);

        Cli again = Cli.run("run", sweep.toString(), "--out", out.toString(), "--resume", "--seeds", "3");
        assertEquals(0, again.status(), again::toString);
        assertTrue(again.out().contains("6 trials: 2 ran (ok "), again::toString);
        assertTrue(again.out().contains("4 resumed"), again::toString);

        // The best line reads only the trials of the grid just run, not those an earlier grid left behind.
        Path narrower = SweepFixtures.write(dir, "narrow.json", SweepFixtures.TINY.replace("[0.1, 0.01]", "[0.01]"));
        Cli narrow = Cli.run("run", narrower.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, narrow.status(), narrow::toString);
        assertTrue(narrow.out().contains("  best     sgd, lr 0.01: "), narrow::toString);
        assertTrue(narrow.out().contains("4 of 6 trials in trials/ are not in sweep.json's grid and are left out"), narrow::toString);
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> {
                try {
                    return root.relativize(p) + " " + Files.getLastModifiedTime(p).toMillis() + " "
                            + (Files.isRegularFile(p) ? Files.size(p) : -1);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }
}
