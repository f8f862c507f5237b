package io.lrsweep.job.cli;

import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.SweepWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lrsweep validate}: checks a sweep file and shows what {@code run} would do; runs nothing, starts no Spark. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check a sweep file: print the trial count, the values of each grid axis and the resolved "
                + "sweep (every default filled in, as run writes it to sweep.json). Runs nothing.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SWEEP.json", description = "The sweep file.")
    Path sweepFile;

    @Option(names = "--seeds", paramLabel = "N", description = "Use seeds 0..N-1 instead of the file's seeds (1 to 10000).")
    Integer seeds;

    @Option(names = "--allow-large", description = "Allow a sweep of more than 100000 trials.")
    boolean allowLarge;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SweepSpec sweep = SweepFiles.load(spec.commandLine(), sweepFile, seeds, allowLarge);
        PrintWriter out = spec.commandLine().getOut();
        SweepAxes.print(sweep, out);
        out.println();
        out.println("resolved sweep:");
        out.print(SweepWriter.toJson(sweep));
        out.flush();
        return ExitCodes.OK;
    }
}
