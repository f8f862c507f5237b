package io.lrsweep.job.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of {@code lrsweep refine} in the middle of a round, then {@code run --resume}: the round is
 * in sweep.json before its first trial runs, so the resumed run finishes the refined grid, every trial
 * exactly once, with the rows an uninterrupted refinement writes.
 */
class RefineKillTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    private static final int BASE_TRIALS = 15;
    /** 5 decades x 3 seeds; a round adds 4 lrs (12 trials), committed 2 trials a wave. */
    private static final String SWEEP = """
            { "name": "refine-kill",
              "dataset": { "kind": "blobs", "samples": 600 },
              "model": { "hidden": [16] },
              "training": { "epochs": 80, "batch_size": 32 },
              "grid": { "optimizer": ["sgd"], "learning_rate": [1, 0.1, 0.01, 0.001, 0.0001] },
              "seeds": 3 }
            """;
    private static final Pattern COMMITTED = Pattern.compile("lrsweep: wave \\d+ committed \\(\\d+ trials, (\\d+) finished\\)");

    @TempDir
    Path dir;

    @Test
    void killedDuringARoundThenResumeFinishesItExactlyOnce() throws Exception {
        Path sweep = Files.writeString(dir.resolve("refine-kill.json"), SWEEP);
        Path out = dir.resolve("out");
        Sweeps.Run first = Sweeps.inProcess("run", sweep.toString(), "--out", out.toString());
        assertEquals(0, first.status(), first::toString);

        try (ChildJvm refine = ChildJvm.start(dir, "refine", Classpaths.test(), "io.lrsweep.job.cli.Main",
                List.of("refine", out.toString(), "--rounds", "1", "--master", "local[2]", "--wave-size", "2", "--verbose"))) {
            Polling.until("round 1 planned and a wave of it committed", TIMEOUT, () -> {
                if (!refine.alive()) {
                    throw new AssertionError("refine ended before it was killed:\n" + refine.tail());
                }
                String log = refine.log();
                return log.contains("  round 1  ") && lastCommitted(log) > BASE_TRIALS;
            });
            refine.killHard();
        }
        JsonNode recorded = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        int added = recorded.at("/refinement/rounds/0/learning_rate").size();
        assertTrue(added >= 4, "the round is recorded before its trials run: " + recorded);
        int total = BASE_TRIALS + 3 * added;
        long committed;
        try (SweepTables tables = new SweepTables()) {
            committed = tables.count("SELECT count(*) FROM " + SweepTables.trials(out));
        }
        assertTrue(committed > BASE_TRIALS && committed < total, "killed mid-round: " + committed + " of " + total);

        Sweeps.Run resumed = Sweeps.inProcess("run", sweep.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, resumed.status(), resumed::toString);
        assertTrue(resumed.out().contains("resuming the refined grid of " + out + "/sweep.json: 1 round of refinement"),
                resumed::toString);
        assertTrue(resumed.out().contains(total + " trials: " + (total - committed) + " ran"), resumed::toString);
        assertTrue(resumed.out().contains(committed + " resumed"), resumed::toString);
        assertEquals(recorded.at("/refinement"), new ObjectMapper().readTree(out.resolve("sweep.json").toFile())
                .at("/refinement"), "the refinement stays recorded");

        Path reference = dir.resolve("reference");
        assertEquals(0, Sweeps.inProcess("run", sweep.toString(), "--out", reference.toString()).status());
        Sweeps.Run uninterrupted = Sweeps.inProcess("refine", reference.toString(), "--rounds", "1");
        assertEquals(0, uninterrupted.status(), uninterrupted::toString);
        try (SweepTables tables = new SweepTables()) {
            tables.assertEveryTrialOnce(out, total);
            assertEquals(0, tables.differences(reference, out), "the same rows as an uninterrupted refinement");
        }
    }

    private static int lastCommitted(String log) {
        int last = 0;
        Matcher m = COMMITTED.matcher(log);
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }
}
