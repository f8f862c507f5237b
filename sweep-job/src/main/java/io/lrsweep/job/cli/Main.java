package io.lrsweep.job.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The {@code lrsweep} command line (DESIGN.md): {@code run}, {@code validate}, {@code dataset blobs},
 * and the reserved {@code report} and {@code lr-find}. Exit status 0 on success, 2 on bad input
 * (nothing written), 1 on a failure while running.
 */
@Command(name = "lrsweep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Learning-rate, momentum, decay and plateau sensitivity sweeps of small MLPs on Spark.",
        subcommands = {RunCommand.class, RefineCommand.class, ValidateCommand.class, AnalysisCommands.Report.class, AnalysisCommands.LrFind.class,
            DatasetCommand.class, HelpCommand.class},
        footer = {"", "Exit status: 0 success, 2 bad input (usage, sweep file, data, output directory; nothing is written),"
                + " 1 a failure while running."})
public final class Main implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name a command: run, refine, validate, report, lr-find or dataset");
    }

    public static void main(String[] args) {
        QuietLogs.unlessConfigured();
        // Exit explicitly: Spark can leave non-daemon threads behind after a session stops.
        System.exit(execute(args));
    }

    /** Runs the command line on System.out and System.err and returns the exit status. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output and error writers and returns the exit status. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        ErrorHandler errors = new ErrorHandler();
        CommandLine cmd = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        int status;
        try {
            status = cmd.execute(args);
        } catch (OutOfMemoryError e) {
            // Picocli passes errors through. The up-front memory check should make this rare; say what to change.
            err.println("error: the driver ran out of memory (" + e.getMessage() + "); give it more heap "
                    + "(LRSWEEP_DRIVER_MEMORY for scripts/lrsweep, --driver-memory for spark-submit) or shrink the sweep");
            status = ExitCodes.FAILURE;
        }
        out.flush();
        err.flush();
        return status;
    }
}
