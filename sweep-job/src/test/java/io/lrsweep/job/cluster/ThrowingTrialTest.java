package io.lrsweep.job.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trial whose code throws (not one that diverges) is recorded as {@code failed} with the
 * exception's message, and the sweep goes on. The throw is injected through the runner's
 * {@code lrsweep.test.failing-seeds} hook (io.lrsweep.job.run.TrialFaults): every seed-1 trial's
 * trainer gets an empty validation set and throws inside core's own guard.
 */
class ThrowingTrialTest {

    private static final String HOOK = "lrsweep.test.failing-seeds";

    @TempDir
    Path dir;

    @Test
    void aThrowingTrialIsRecordedAsFailedAndTheOthersFinish() throws Exception {
        Path sweep = Sweeps.write(dir);
        Path out = dir.resolve("out");
        Sweeps.Run run;
        System.setProperty(HOOK, "1");
        try {
            run = Sweeps.inProcess("run", sweep.toString(), "--out", out.toString(), "--wave-size", "5");
        } finally {
            System.clearProperty(HOOK);
        }
        int failing = Sweeps.TRIALS / Sweeps.SEEDS;
        assertEquals(0, run.status(), run::toString);
        assertTrue(run.out().contains(Sweeps.TRIALS + " trials: " + Sweeps.TRIALS + " ran (ok " + (Sweeps.TRIALS - failing) + ", diverged 0, saturated 0, stalled 0, failed "
                + failing + ")"), run::toString);
        assertTrue(run.out().contains("warning: " + failing + " trials failed"), run::toString);

        try (SweepTables tables = new SweepTables()) {
            tables.assertEveryTrialOnce(out, Sweeps.TRIALS);
            String trials = SweepTables.trials(out);
            assertEquals(failing, tables.count("SELECT count(*) FROM " + trials + " WHERE status = 'failed' AND seed = 1"
                    + " AND epochs_completed = 0 AND final_val_loss IS NULL AND best_epoch IS NULL"
                    + " AND error = 'IllegalArgumentException: training and validation sets need at least one row each,"
                    + " got 500 and 0'"));
            assertEquals(failing, tables.count("SELECT count(*) FROM " + trials + " WHERE status = 'ok' AND seed = 0"
                    + " AND epochs_completed = 30 AND error IS NULL"));
            assertEquals(0, tables.count("SELECT count(*) FROM " + SweepTables.curves(out) + " WHERE seed = 1"),
                    "a trial that failed before its first epoch has no curve");
        }

        // --resume keeps failed trials as finished: their failure is a property of the trial, and a
        // rerun would fail the same way.
        Sweeps.Run resumed = Sweeps.inProcess("run", sweep.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, resumed.status(), resumed::toString);
        assertTrue(resumed.out().contains(Sweeps.TRIALS + " trials: 0 ran"), resumed::toString);
    }
}
