package io.lrsweep.job.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two writers on one output directory: processes racing for the lock never hold it together
 * (many rounds), and a second {@code lrsweep run --resume} beside a running one is refused with
 * status 2, naming the holder, before its Spark starts; the first finishes with every trial once.
 */
class ConcurrentWritersTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern SUMMARY = Pattern.compile("wins (\\d+) refused (\\d+) overlaps (\\d+)");

    @TempDir
    Path dir;

    @Test
    void processesRacingForTheLockNeverHoldItTogether() throws Exception {
        Path out = Files.createDirectories(dir.resolve("race"));
        Path go = dir.resolve("go");
        int processes = 3;
        int rounds = 300;
        List<ChildJvm> jvms = new ArrayList<>();
        try {
            for (int i = 0; i < processes; i++) {
                jvms.add(ChildJvm.start(dir, "contender-" + i, Classpaths.test(), LockContender.class.getName(),
                        List.of(out.toString(), go.toString(), Integer.toString(rounds))));
            }
            for (ChildJvm jvm : jvms) {
                Polling.until("the contenders to start", TIMEOUT, () -> jvm.log().contains("ready"));
            }
            Files.writeString(go, "go");
            int wins = 0;
            for (ChildJvm jvm : jvms) {
                assertEquals(0, jvm.awaitExit(TIMEOUT), jvm::tail);
                Matcher m = SUMMARY.matcher(jvm.log());
                assertTrue(m.find(), jvm::tail);
                assertEquals(0, Integer.parseInt(m.group(3)), "never two holders at once: " + jvm.log());
                assertEquals(rounds, Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)));
                wins += Integer.parseInt(m.group(1));
            }
            assertTrue(wins >= 10, "the lock was taken, and taken again after each release: " + wins + " times");
            assertFalse(Files.exists(out.resolve(".lrsweep.lock")), "released at the end");
        } finally {
            jvms.forEach(ChildJvm::close);
        }
    }

    @Test
    void aSecondRunIsRefusedBeforeSparkStartsAndTheFirstCommitsEveryTrialOnce() throws Exception {
        Path sweep = Files.writeString(dir.resolve("signals.json"), SignalsTest.SWEEP);
        Path out = dir.resolve("out");
        List<String> args = List.of("run", sweep.toString(), "--out", out.toString(), "--master", "local[2]",
                "--wave-size", "4", "--resume", "--verbose");
        try (ChildJvm first = ChildJvm.start(dir, "first", Classpaths.test(), "io.lrsweep.job.cli.Main", args)) {
            Polling.until("the first run's lock", TIMEOUT, () -> Files.exists(out.resolve(".lrsweep.lock")));
            try (ChildJvm second = ChildJvm.start(dir, "second", Classpaths.test(), "io.lrsweep.job.cli.Main", args)) {
                assertEquals(2, second.awaitExit(TIMEOUT), second::tail);
                String log = second.log();
                assertTrue(log.contains("error: output directory " + out + " is in use by lrsweep run " + sweep
                        + " --resume (pid " + first.pid() + " on host "), log);
                assertFalse(log.contains("Running Spark version"), "refused before its Spark started:\n" + log);
            }
            assertEquals(0, first.awaitExit(TIMEOUT), first::tail);
        }
        try (SweepTables tables = new SweepTables()) {
            tables.assertEveryTrialOnce(out, SignalsTest.TRIALS);
        }
    }
}
