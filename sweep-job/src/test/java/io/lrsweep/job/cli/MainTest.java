package io.lrsweep.job.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The top-level command line: help, version, reserved commands, usage errors. */
class MainTest {

    @Test
    void helpListsEveryCommandIncludingTheReservedOnes() {
        Cli cli = Cli.run("--help");
        assertEquals(0, cli.status(), cli::toString);
        for (String command : new String[] {"run", "validate", "report", "lr-find", "dataset"}) {
            assertTrue(cli.out().contains("\n  " + command + " "), () -> command + " in " + cli);
        }
    }

    @Test
    void version() {
        Cli cli = Cli.run("--version");
        assertEquals(0, cli.status(), cli::toString);
        assertTrue(cli.out().startsWith("lrsweep "), cli::toString);
        assertTrue(cli.out().contains("Spark 4."), cli::toString);
    }

    @Test
    void usageErrorsAreStatusTwo() {
        assertEquals(2, Cli.run().status());
        assertEquals(2, Cli.run("runn").status());
        assertEquals(2, Cli.run("run").status());
        assertEquals(2, Cli.run("run", "x.json", "--bogus").status());
        assertEquals(2, Cli.run("dataset").status());
    }
}
