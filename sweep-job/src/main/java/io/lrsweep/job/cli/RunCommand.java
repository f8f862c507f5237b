package io.lrsweep.job.cli;

import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.data.DataLoader;
import io.lrsweep.job.data.LoadedData;
import io.lrsweep.job.report.ReportBuilder;
import io.lrsweep.job.report.ReportResult;
import io.lrsweep.job.run.AnalysisInput;
import io.lrsweep.job.run.OutputLayout;
import io.lrsweep.job.run.PreparedData;
import io.lrsweep.job.run.RunOptions;
import io.lrsweep.job.run.RunSummary;
import io.lrsweep.job.run.SweepRunner;
import io.lrsweep.job.table.HadoopConf;
import io.lrsweep.job.table.SweepDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code lrsweep run}: everything that can be refused is refused before Spark starts (options, the
 * sweep file, its memory needs as far as they are known, the output directory, its lock), then the
 * data is read once on the driver, checked again now that its shape is known, and the runner trains
 * every trial on Spark while a progress line follows the trial-epochs. The report is built last.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a sweep on Spark: every trial of the grid times the seeds, writing per-epoch curves and "
                + "per-trial summaries as Parquet to the output directory.")
final class RunCommand implements Callable<Integer>, Verbosity, Resumable {

    @Parameters(index = "0", paramLabel = "SWEEP.json", description = "The sweep file.")
    Path sweepFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory, any path Spark can write "
            + "(default: results/<sweep name>).")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: " + SparkSessions.DEFAULT_MASTER
            + ", or the master spark-submit was given).")
    String master;

    @Option(names = "--seeds", paramLabel = "N", description = "Use seeds 0..N-1 instead of the file's seeds (1 to 10000).")
    Integer seeds;

    @Option(names = "--resume", description = "Keep the finished trials found in the output directory and run the rest.")
    boolean resume;

    @Option(names = "--overwrite", description = "Delete lrsweep's files in the output directory (an earlier run's) first.")
    boolean overwrite;

    @Option(names = "--wave-size", paramLabel = "N", description = "Trials per committed wave (default: "
            + RunOptions.MIN_AUTO_WAVE_SIZE + ", or 32 per core of a larger cluster); an interrupted run resumes from "
            + "the last committed wave.")
    Integer waveSize;

    @Option(names = "--allow-large", description = "Allow a sweep of more than 100000 trials.")
    boolean allowLarge;

    @Option(names = "--max-lr-from", paramLabel = "DIR", description = "Use as learning rates the lr-find suggestions in DIR "
            + "(an lr-find output) for the sweep's setups, e.g. as a one_cycle schedule's max_lr.")
    String maxLrFrom;

    @Option(names = "--verbose", description = "Spark's INFO logs, wave commits, and stack traces on errors.")
    boolean verbose;

    @Option(names = "--ui", description = "Start the Spark web UI (off by default).")
    boolean ui;

    @Option(names = "--refine", description = "Then refine the learning-rate grid around each setup's best lr, as "
            + "lrsweep refine does (--rounds, --points, --resolution).")
    boolean refineAfter;

    @Mixin
    RefineChoices refine;

    @Mixin
    AnalysisChoices analysis;

    @Spec
    CommandSpec spec;

    /** The output directory, once call() has resolved it (the resume hint names it). */
    String dir;

    @Override
    public boolean verbose() {
        return verbose;
    }

    @Override
    public String resumeCommand() {
        List<String> words = new ArrayList<>(List.of("lrsweep", "run", sweepFile.toString(), "--out", dir == null ? "?" : dir));
        if (seeds != null) {
            words.addAll(List.of("--seeds", seeds.toString()));
        }
        if (master != null) {
            words.addAll(List.of("--master", master));
        }
        words.add("--resume");
        return String.join(" ", words);
    }

    @Override
    public Integer call() throws IOException {
        Timings timings = Timings.fromEnvironment();
        if (resume && overwrite) {
            throw new ParameterException(spec.commandLine(), "--resume and --overwrite exclude each other: pick one");
        }
        MasterUrl.check(spec.commandLine(), master);
        if (waveSize != null && waveSize < 1) {
            throw new ParameterException(spec.commandLine(), "--wave-size must be an integer >= 1, got " + waveSize);
        }
        if (refine.given() && !refineAfter) {
            throw new ParameterException(spec.commandLine(), "--rounds, --points and --resolution go with --refine");
        }
        var refineOptions = refine.options();
        SweepSpec loaded = SweepFiles.load(spec.commandLine(), sweepFile, seeds, allowLarge);
        SweepSpec sweep = loaded.withAnalysis(analysis.changes().apply(loaded.analysis()));
        if (maxLrFrom != null) {
            sweep = MaxLrFrom.apply(HadoopConf.forDriver(), sweep, maxLrFrom).checkSize(allowLarge);
        }
        if (refineAfter) {
            RefineRounds.checkRefinable(sweep, sweepFile.toString());
        }
        String resolvedMaster = SparkSessions.resolveMaster(master);
        if (sweep.dataset() instanceof BlobsSpec blobs) {
            // The shape of generated data is known now: refuse what cannot fit before Spark starts.
            DataLoader.checkBlobs(blobs);
            MemoryCheck.limits(resolvedMaster, System::getProperty).check(sweep, blobs.samples(), blobs.features(),
                    blobs.centers());
        }
        dir = out != null ? out : "results/" + sweep.name();
        if (dir.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--out must name a directory");
        }
        RunOptions options = new RunOptions(dir, resume, overwrite, waveSize == null ? RunOptions.AUTO_WAVE_SIZE : waveSize);
        OutputLayout layout = new OutputLayout(dir, HadoopConf.forDriver());
        layout.check(options);
        if (resume) {
            sweep = RefinedResume.of(sweep, layout, spec.commandLine().getOut());
        }
        timings.mark("checks");

        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (verbose) {
            Logs.verbose();
        }
        long start = System.nanoTime();
        TrialProgress progress = new TrialProgress();
        boolean terminal = ProgressPrinter.stderrIsTerminal();
        try (LockedOutput locked = LockedOutput.take(layout, "run " + sweepFile + (resume ? " --resume" : ""));
             ProgressPrinter printer = new ProgressPrinter(progress, err, terminal);
             Interruption signals = Interruption.install(err, () -> "interrupted; " + progress.committed()
                     + " trials committed in " + layout.shown() + "; resume with: " + resumeCommand(), printer::abandon, verbose);
             SparkSessions.Handle handle = startSpark(printer, sweep, resolvedMaster, err)) {
            timings.mark("lock+spark");
            printer.phase("reading the data and " + layout.shown());
            // Generated data needs no SQL session; a file is read through Spark SQL.
            LoadedData data = sweep.dataset() instanceof BlobsSpec blobs ? DataLoader.generate(blobs)
                    : DataLoader.read(handle.session(), sweep.dataset());
            PreparedData prepared = PreparedData.of(data.dataset(), data.featureNames(), sweep.dataset());
            MemoryCheck.limits(resolvedMaster, handle::setting)
                    .check(sweep, data.dataset().rows(), data.dataset().featureCount(), data.dataset().classCount());
            timings.mark("data");
            RunSummary summary = track(handle, progress, err, terminal, sweep, prepared, options, locked);
            timings.mark("run");
            printer.endRun();
            RunReport.print(summary, sweep.name(), (System.nanoTime() - start) / 1_000_000_000L, stdout);
            AnalysisInput input = summary.analysis();
            if (refineAfter) {
                RefineRounds.run(handle, sweep, prepared, dir, waveSize, refineOptions, locked.lock(), verbose, stdout, err);
                // The report reads the refined grid (sweep.json now records the rounds).
                input = AnalysisInput.read(layout, handle.hadoopConfiguration());
            }
            if (summary.totalTrials() > 0) {
                // The answer, not just the rows: the verdict, the tables and the figures (phases: the report's own),
                // read straight from Parquet: no SQL session.
                ReportResult report = ReportBuilder.build(new SweepDirectory(handle.hadoopConfiguration(), summary.out()), a -> a,
                        input, printer);
                printer.close();
                ReportSummary.print(report, stdout);
            }
            timings.mark("report");
        }
        timings.mark("stop");
        timings.print(err);
        return ExitCodes.OK;
    }

    /** Starts Spark; in local mode a warm-up of the training code runs meanwhile on the other core ({@link Warmup}). */
    private SparkSessions.Handle startSpark(ProgressPrinter printer, SweepSpec sweep, String resolvedMaster, PrintWriter err) {
        printer.phase("starting Spark");
        boolean warm = SparkSessions.isLocal(resolvedMaster) && !resolvedMaster.startsWith("local-cluster")
                && !SparkSessions.running() && !"0".equals(System.getenv("LRSWEEP_WARMUP"));
        Warmup warmup = warm ? Warmup.start(sweep) : null;
        try {
            return SparkSessions.open(sweep.name(), master, ui, err);
        } finally {
            if (warmup != null) {
                warmup.stop();
            }
        }
    }

    /**
     * Runs the sweep with the progress listener on Spark's listener bus for the duration. No Spark
     * type appears in this class's method signatures (nor in its lambdas'): picocli's reflection
     * over the commands would load it in every command's JVM, {@code report}'s too.
     */
    private RunSummary track(SparkSessions.Handle handle, TrialProgress progress, PrintWriter err, boolean terminal, SweepSpec sweep,
                             PreparedData prepared, RunOptions options, LockedOutput locked) {
        var sc = handle.context();
        ProgressListener listener = new ProgressListener(progress);
        sc.addSparkListener(listener);
        try {
            RunSummary summary = SweepRunner.run(sc, sweep, prepared, options, new RunEvents(progress, err, terminal, verbose),
                    locked.lock());
            progress.settle(summary.ran(), summary.diverged(), summary.failed());
            return summary;
        } finally {
            sc.removeSparkListener(listener);
        }
    }
}
