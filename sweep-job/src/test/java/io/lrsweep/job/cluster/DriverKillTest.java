package io.lrsweep.job.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of the driver mid-sweep, then {@code --resume}: the killed driver's lock is taken over,
 * the sweep ends with every trial exactly once and the same rows as an uninterrupted run, and at
 * most the waves in flight (two: one trains while the other commits) are recomputed.
 */
class DriverKillTest {

    private static final int WAVE = 4;
    /** Waves the runner keeps in flight (WavePipeline.IN_FLIGHT): a kill loses at most these. */
    private static final int IN_FLIGHT = 2;
    /**
     * The runner orders trials by fusion key (the seed here) and trains each key's trials of a
     * wave as one task: a wave of 4 is 2 seeds x 2 learning rates, 2 tasks of 2 trials.
     */
    private static final int TRIALS_PER_TASK = 2;
    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    /** WaveLog's line under --verbose: "lrsweep: wave 2 committed (4 trials, 8 finished)". */
    private static final Pattern COMMITTED = Pattern.compile("lrsweep: wave \\d+ committed \\(\\d+ trials, (\\d+) finished\\)");
    /** Spark's line for a finished task of a wave's training stage: "... (executor driver) (1/2)". */
    private static final Pattern TRIAL_TASK = Pattern.compile("Finished task .* \\(\\d+/" + WAVE / TRIALS_PER_TASK + "\\)");

    @TempDir
    Path dir;

    @Test
    void killedDriverThenResumeFinishesEveryTrialExactlyOnce() throws Exception {
        Path sweep = Sweeps.write(dir);
        Path out = dir.resolve("out");
        int finishedByKilledRun;
        try (ChildJvm driver = ChildJvm.start(dir, "driver", Classpaths.test(), "io.lrsweep.job.cli.Main",
                List.of("run", sweep.toString(), "--out", out.toString(), "--master", "local[2]",
                        "--wave-size", Integer.toString(WAVE), "--verbose"))) {
            // Kill once a wave is committed and the next one has finished a trial: that trial is
            // work a crash loses.
            Polling.until("a committed wave and a finished trial of the next one", TIMEOUT, () -> {
                if (!driver.alive()) {
                    throw new AssertionError("the driver ended before it was killed:\n" + driver.tail());
                }
                String log = driver.log();
                int committed = lastCommitted(log);
                if (committed >= Sweeps.TRIALS) {
                    throw new AssertionError("the sweep finished before the driver was killed");
                }
                return committed >= WAVE && count(TRIAL_TASK, log) * TRIALS_PER_TASK > committed;
            });
            driver.killHard();
            finishedByKilledRun = count(TRIAL_TASK, driver.log()) * TRIALS_PER_TASK;
            assertFalse(driver.log().contains("SparkUI"), "no Spark UI in local mode unless --ui");
        }
        assertTrue(Files.isDirectory(out.resolve("trials")));
        assertTrue(Files.exists(out.resolve(".lrsweep.lock")), "kill -9 runs no cleanup: the lock file stays behind");
        long committed;
        try (SweepTables tables = new SweepTables()) {
            committed = tables.count("SELECT count(*) FROM " + SweepTables.trials(out));
        }
        assertTrue(committed >= WAVE && committed < Sweeps.TRIALS && committed % WAVE == 0, "whole waves committed: " + committed);

        Sweeps.Run resumed = Sweeps.inProcess("run", sweep.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, resumed.status(), resumed::toString);
        assertTrue(resumed.err().contains("note: took over the lock left by lrsweep run "), "the dead driver's lock: " + resumed);
        long ran = Sweeps.TRIALS - committed;
        assertTrue(resumed.out().contains(Sweeps.TRIALS + " trials: " + ran + " ran"), resumed::toString);
        assertTrue(resumed.out().contains(committed + " resumed"), resumed::toString);
        assertFalse(Files.exists(out.resolve("_staging")), "staging cleaned");

        Path reference = Sweeps.reference(dir);
        try (SweepTables tables = new SweepTables()) {
            tables.assertEveryTrialOnce(out, Sweeps.TRIALS);
            assertEquals(0, tables.differences(reference, out), "resumed rows equal the uninterrupted run's");
        }
        long recomputed = finishedByKilledRun - committed;
        assertTrue(recomputed >= 0 && recomputed <= IN_FLIGHT * WAVE, "at most the waves in flight are recomputed: " + recomputed);
        System.out.printf("driver kill -9: %d of %d trials committed before the kill, %d finished but uncommitted"
                + " (recomputed), %d run by --resume%n", committed, Sweeps.TRIALS, recomputed, ran);
    }

    private static int lastCommitted(String log) {
        int last = 0;
        Matcher m = COMMITTED.matcher(log);
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }

    private static int count(Pattern p, String log) {
        int n = 0;
        Matcher m = p.matcher(log);
        while (m.find()) {
            n++;
        }
        return n;
    }
}
