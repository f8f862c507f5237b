package io.lrsweep.job.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Command names DESIGN.md fixes whose work is not in this version: they are listed in the help
 * with their arguments, and say so (exit status 2) instead of doing something else.
 */
final class ReservedCommands {

    private ReservedCommands() {}

    static int notAvailable(CommandSpec spec, String planned) {
        spec.commandLine().getErr().println("error: lrsweep " + spec.name()
                + " is not available in this version yet (planned: " + planned + ")");
        spec.commandLine().getErr().flush();
        return ExitCodes.BAD_INPUT;
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "(Re)build DIR/report from DIR's Parquet tables. Not available in this version yet "
                    + "(planned: sensitivity report).")
    static final class Report implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "An output directory of lrsweep run.")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return notAvailable(spec, "sensitivity report");
        }
    }

    @Command(name = "lr-find", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Learning-rate range test(s) for the sweep's setups. Not available in this version yet "
                    + "(planned: LR range test).")
    static final class LrFind implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SWEEP.json", description = "The sweep file.")
        Path sweepFile;

        @Option(names = "--out", paramLabel = "DIR", description = "Output directory.")
        String out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return notAvailable(spec, "LR range test");
        }
    }
}
