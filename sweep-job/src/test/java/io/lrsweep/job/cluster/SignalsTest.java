package io.lrsweep.job.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM and SIGINT during {@code lrsweep run}: one line saying how many trials are committed and
 * how to resume, the conventional status (143, 130), no stack trace or Spark error, the lock
 * released; and {@code --resume} then finishes with every trial once.
 */
class SignalsTest {

    /** 16 seeds x 2 learning rates of 1,500 epochs, in waves of 4 trials: seconds of work after the first commit. */
    static final int TRIALS = 32;
    static final String SWEEP = """
            { "name": "signals", "dataset": { "kind": "blobs" }, "training": { "epochs": 1500 },
              "grid": { "learning_rate": [0.1, 0.01] }, "seeds": 16 }""";
    private static final Pattern INTERRUPTED = Pattern.compile(
            "interrupted; (\\d+) trials committed in (\\S+); resume with: lrsweep run (\\S+) --out (\\S+) --master local\\[2] --resume");
    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    Path dir;

    @Test
    void sigtermEndsWithOneLineStatus143AndAResumableDirectory() throws Exception {
        signalMidRun("TERM", 143);
    }

    @Test
    void sigintEndsWithOneLineStatus130AndAResumableDirectory() throws Exception {
        signalMidRun("INT", 130);
    }

    private void signalMidRun(String signal, int expectedStatus) throws Exception {
        Path sweep = Files.writeString(dir.resolve("signals.json"), SWEEP);
        Path out = dir.resolve("out-" + signal);
        String log;
        try (ChildJvm driver = ChildJvm.start(dir, "driver-" + signal, Classpaths.test(), "io.lrsweep.job.cli.Main",
                List.of("run", sweep.toString(), "--out", out.toString(), "--master", "local[2]", "--wave-size", "4"))) {
            Polling.until("a committed wave", TIMEOUT, () -> {
                if (!driver.alive()) {
                    throw new AssertionError("the run ended before the signal:\n" + driver.tail());
                }
                return committedWaves(out) >= 1;
            });
            driver.signal(signal);
            assertEquals(expectedStatus, driver.awaitExit(TIMEOUT), driver::tail);
            log = driver.log();
        }
        Matcher m = INTERRUPTED.matcher(log);
        assertTrue(m.find(), "the interrupted line:\n" + log);
        long committed = Long.parseLong(m.group(1));
        assertFalse(m.find(), "exactly one interrupted line:\n" + log);
        assertFalse(log.contains("\tat ") || log.contains("Exception") || log.contains("INTERNAL_ERROR")
                || log.contains("ERROR"), "no stack trace and no Spark error:\n" + log);
        assertFalse(Files.exists(out.resolve(".lrsweep.lock")), "the lock is released");
        try (SweepTables tables = new SweepTables()) {
            assertEquals(committed, tables.count("SELECT count(*) FROM " + SweepTables.trials(out)),
                    "the line counts exactly what trials/ holds");
        }
        assertTrue(committed >= 4 && committed < TRIALS, "interrupted mid-run: " + committed);

        Sweeps.Run resumed = Sweeps.inProcess("run", sweep.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, resumed.status(), resumed::toString);
        assertTrue(resumed.out().contains(TRIALS + " trials: " + (TRIALS - committed) + " ran"), resumed::toString);
        try (SweepTables tables = new SweepTables()) {
            tables.assertEveryTrialOnce(out, TRIALS);
        }
    }

    static int committedWaves(Path out) {
        Path trials = out.resolve("trials");
        if (!Files.isDirectory(trials)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(trials)) {
            return (int) files.filter(p -> p.getFileName().toString().matches("part-w\\d+-t\\.parquet")).count();
        } catch (IOException e) {
            return 0; // listed while a commit renamed: look again
        }
    }
}
