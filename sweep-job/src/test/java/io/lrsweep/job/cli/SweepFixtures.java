package io.lrsweep.job.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small sweep files for the command-line tests. */
final class SweepFixtures {

    /** 2 learning rates x 2 seeds = 4 trials of 2 epochs on 100 blobs: seconds on Spark. */
    static final String TINY = """
            { "name": "tiny",
              "dataset": { "kind": "blobs", "samples": 100 },
              "model": { "hidden": [4] },
              "training": { "epochs": 2, "batch_size": 32 },
              "grid": { "optimizer": ["sgd"], "learning_rate": [0.1, 0.01] },
              "seeds": 2 }
            """;

    private SweepFixtures() {}

    static Path write(Path dir, String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }
}
