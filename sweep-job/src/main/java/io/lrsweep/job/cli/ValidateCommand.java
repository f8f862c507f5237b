package io.lrsweep.job.cli;

import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.train.TrainingFootprint;
import io.lrsweep.job.data.DataLoader;
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

    /**
     * The memory line, after refusing (exit 2) a sweep that cannot fit in local mode with this JVM's
     * heap, as run would on the same machine; a file's width is known only once run reads it.
     */
    private static String memory(SweepSpec sweep) {
        MemoryCheck limits = MemoryCheck.limits(SparkSessions.resolveMaster(null), System::getProperty);
        if (sweep.dataset() instanceof BlobsSpec blobs) {
            DataLoader.checkBlobs(blobs);
            limits.check(sweep, blobs.samples(), blobs.features(), blobs.centers());
            TrainingFootprint f = MemoryCheck.footprint(sweep, blobs.features(), blobs.centers());
            return "about " + MemoryCheck.bytes(f.taskBytes()) + " a task (" + f.models() + " trial" + (f.models() == 1 ? "" : "s")
                    + " of " + f.parameters() + " parameters together), data " + MemoryCheck.bytes(TrainingFootprint
                    .dataBytes(blobs.samples(), blobs.features())) + "; fits " + limits.where();
        }
        return "known once run has read the data file (its width decides the model's size); run checks it then";
    }

    @Override
    public Integer call() {
        SweepSpec sweep = SweepFiles.load(spec.commandLine(), sweepFile, seeds, allowLarge);
        String memory = memory(sweep);
        PrintWriter out = spec.commandLine().getOut();
        SweepAxes.print(sweep, out);
        out.printf("  %-14s %s%n", "memory", memory);
        out.println();
        out.println("resolved sweep:");
        out.print(SweepWriter.toJson(sweep));
        out.flush();
        return ExitCodes.OK;
    }
}
