package io.lrsweep.job.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lrsweep validate}: counts and prints, starts no Spark, writes nothing. */
class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void goodFilePrintsTheTrialCountAxesAndResolvedSpec() throws IOException {
        Path sweep = SweepFixtures.write(dir, "tiny.json", SweepFixtures.TINY);
        Cli cli = Cli.run("validate", sweep.toString());
        assertEquals(0, cli.status(), cli::toString);
        assertTrue(cli.out().contains("sweep tiny: 4 trials (2 settings x 2 seeds)"), cli::toString);
        assertTrue(cli.out().contains("learning_rate  0.1, 0.01"), cli::toString);
        assertTrue(cli.out().contains("patience       none"), cli::toString);
        assertTrue(cli.out().contains("\"batch_size\" : 32"), "resolved spec JSON: " + cli);
        assertEquals("", cli.err());
    }

    @Test
    void seedsOptionReplacesTheFilesSeeds() throws IOException {
        Path sweep = SweepFixtures.write(dir, "tiny.json", SweepFixtures.TINY);
        Cli cli = Cli.run("validate", sweep.toString(), "--seeds", "5");
        assertEquals(0, cli.status(), cli::toString);
        assertTrue(cli.out().contains("10 trials (2 settings x 5 seeds)"), cli::toString);
        assertTrue(cli.out().contains("seeds          0, 1, 2, 3, 4"), cli::toString);
    }

    @Test
    void badSeedsCountNamesTheOption() throws IOException {
        Path sweep = SweepFixtures.write(dir, "tiny.json", SweepFixtures.TINY);
        Cli cli = Cli.run("validate", sweep.toString(), "--seeds", "0");
        assertEquals(2, cli.status(), cli::toString);
        assertTrue(cli.err().contains("--seeds must be an integer in [1, 10000], got 0"), cli::toString);
    }

    @Test
    void unknownOptimizerNamesTheFieldAndTheAllowedValues() throws IOException {
        Path sweep = SweepFixtures.write(dir, "bad.json", SweepFixtures.TINY.replace("[\"sgd\"]", "[\"sgdx\"]"));
        Cli cli = Cli.run("validate", sweep.toString());
        assertEquals(2, cli.status(), cli::toString);
        assertTrue(cli.err().startsWith("error: grid.optimizer[0]: must be one of [sgd, rmsprop, adagrad, adam, adamw], got 'sgdx'"),
                cli::toString);
        assertEquals("", cli.out());
    }

    @Test
    void largeGridNeedsAllowLarge() throws IOException {
        Path sweep = SweepFixtures.write(dir, "large.json", SweepFixtures.TINY.replace("\"seeds\": 2", "\"seeds\": 10000")
                .replace("[0.1, 0.01]", "{ \"min\": 1e-6, \"max\": 1, \"points\": 11 }"));
        Cli refused = Cli.run("validate", sweep.toString());
        assertEquals(2, refused.status(), refused::toString);
        assertTrue(refused.err().contains("110000 trials") && refused.err().contains("--allow-large"), refused::toString);
        Cli allowed = Cli.run("validate", sweep.toString(), "--allow-large");
        assertEquals(0, allowed.status(), allowed::toString);
        Cli fewerSeeds = Cli.run("validate", sweep.toString(), "--seeds", "3");
        assertEquals(0, fewerSeeds.status(), "--seeds applies before the size limit: " + fewerSeeds);
    }

    @Test
    void missingSweepFile() {
        Cli cli = Cli.run("validate", dir.resolve("none.json").toString());
        assertEquals(2, cli.status(), cli::toString);
        assertTrue(cli.err().contains("does not exist"), cli::toString);
    }
}
