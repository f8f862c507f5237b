package io.lrsweep.job.cli;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.data.DataLoader;
import io.lrsweep.job.report.ReportBuilder;
import io.lrsweep.job.run.RunOptions;
import io.lrsweep.job.run.RunSummary;
import io.lrsweep.job.run.SweepRunner;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code lrsweep run}: everything that can be refused is refused before Spark starts (options, the
 * sweep file, the output location), then the data is read once on the driver and the runner trains
 * every trial on Spark while a progress line follows the tasks.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a sweep on Spark: every trial of the grid times the seeds, writing per-epoch curves and "
                + "per-trial summaries as Parquet to the output directory.")
final class RunCommand implements Callable<Integer>, Verbosity {

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

    @Option(names = "--overwrite", description = "Delete the output directory (an earlier lrsweep output) first.")
    boolean overwrite;

    @Option(names = "--wave-size", paramLabel = "N", description = "Trials per committed wave (default: "
            + RunOptions.DEFAULT_WAVE_SIZE + "); an interrupted run resumes from the last committed wave.")
    int waveSize = RunOptions.DEFAULT_WAVE_SIZE;

    @Option(names = "--allow-large", description = "Allow a sweep of more than 100000 trials.")
    boolean allowLarge;

    @Option(names = "--max-lr-from", paramLabel = "DIR", description = "Use as learning rates the lr-find suggestions in DIR "
            + "(an lr-find output) for the sweep's setups, e.g. as a one_cycle schedule's max_lr.")
    String maxLrFrom;

    @Option(names = "--verbose", description = "Spark's INFO logs, wave commits, and stack traces on errors.")
    boolean verbose;

    @Option(names = "--ui", description = "Start the Spark web UI (off by default).")
    boolean ui;

    @Mixin
    AnalysisChoices analysis;

    @Spec
    CommandSpec spec;

    @Override
    public boolean verbose() {
        return verbose;
    }

    @Override
    public Integer call() {
        if (resume && overwrite) {
            throw new ParameterException(spec.commandLine(), "--resume and --overwrite exclude each other: pick one");
        }
        if (master != null && !SparkSessions.MASTER.matcher(master).matches()) {
            throw new ParameterException(spec.commandLine(), "--master must be " + SparkSessions.MASTER_FORMS + ", got '"
                    + master + "'");
        }
        if (waveSize < 1) {
            throw new ParameterException(spec.commandLine(), "--wave-size must be an integer >= 1, got " + waveSize);
        }
        SweepSpec loaded = SweepFiles.load(spec.commandLine(), sweepFile, seeds, allowLarge);
        SweepSpec sweep = loaded.withAnalysis(analysis.changes().apply(loaded.analysis()));
        String dir = out != null ? out : "results/" + sweep.name();
        if (dir.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--out must name a directory");
        }
        OutputLocation.check(dir, resume, overwrite);
        RunOptions options = new RunOptions(dir, resume, overwrite, waveSize);

        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (verbose) {
            Logs.verbose();
        }
        long start = System.nanoTime();
        try (SparkSessions.Handle handle = SparkSessions.open(sweep.name(), master, ui, err)) {
            SparkSession spark = handle.session();
            if (maxLrFrom != null) {
                sweep = MaxLrFrom.apply(spark, sweep, maxLrFrom).checkSize(allowLarge);
            }
            Dataset data = DataLoader.load(spark, sweep.dataset());
            TrialProgress progress = new TrialProgress();
            RunSummary summary = track(spark, progress, err, sweep, data, options);
            RunReport.print(summary, sweep.name(), (System.nanoTime() - start) / 1_000_000_000L, stdout);
            if (summary.totalTrials() > 0) {
                // The answer, not just the rows: the sensitivity tables and the figures.
                ReportSummary.print(ReportBuilder.build(spark.sparkContext().hadoopConfiguration(), summary.out()), stdout);
            }
        }
        return ExitCodes.OK;
    }

    /** Runs the sweep with the progress line attached to Spark's listener bus for the duration. */
    private RunSummary track(SparkSession spark, TrialProgress progress, PrintWriter err, SweepSpec sweep, Dataset data,
                             RunOptions options) {
        SparkContext sc = spark.sparkContext();
        ProgressListener listener = new ProgressListener(progress);
        sc.addSparkListener(listener);
        boolean terminal = ProgressPrinter.stderrIsTerminal();
        ProgressPrinter printer = new ProgressPrinter(progress, err, terminal);
        try {
            RunSummary summary = SweepRunner.run(spark, sweep, data, options,
                    verbose ? new WaveLog(progress, err, terminal) : progress);
            progress.settle(summary.ran(), summary.diverged(), summary.failed());
            return summary;
        } finally {
            printer.close();
            sc.removeSparkListener(listener);
        }
    }
}
