package io.lrsweep.job.cluster;

import io.lrsweep.job.SharedSpark;
import io.lrsweep.job.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fault tests' sweep, and lrsweep run in the test JVM on the shared local[2] session. */
final class Sweeps {

    /**
     * 2 learning rates x 8 seeds = 16 trials of 30 epochs on the reference blobs. The runner trains
     * the trials of one seed together as one task (a fusion group), so this makes 8 tasks of 2
     * trials: enough tasks for an executor to finish one and start another before a fault lands,
     * each long enough (a second or so on a busy 2-core machine, JIT warm-up included) to be hit
     * mid-task.
     */
    static final int TRIALS = 16;
    static final int SEEDS = 8;
    static final String SWEEP = """
            { "name": "faults",
              "dataset": { "kind": "blobs", "samples": 1000 },
              "model": { "hidden": [50] },
              "training": { "epochs": 30, "batch_size": 32 },
              "grid": { "optimizer": ["sgd"], "learning_rate": [0.1, 0.01], "momentum": [0.9] },
              "seeds": 8 }
            """;

    /** What one in-process run printed. */
    record Run(int status, String out, String err) {
        @Override
        public String toString() {
            return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Sweeps() {}

    static Path write(Path dir) throws IOException {
        return Files.writeString(dir.resolve("faults.json"), SWEEP);
    }

    /** {@code lrsweep ARGS} in this JVM, on the shared local[2] session (Main uses a running session). */
    static Run inProcess(String... args) {
        SharedSpark.session();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    /** The uninterrupted local[2] run every faulty run is compared with. */
    static Path reference(Path dir) throws IOException {
        Path out = dir.resolve("reference");
        Run run = inProcess("run", write(dir).toString(), "--out", out.toString());
        assertEquals(0, run.status(), run::toString);
        return out;
    }
}
