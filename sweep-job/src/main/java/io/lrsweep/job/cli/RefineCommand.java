package io.lrsweep.job.cli;

import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.SweepSpecException;
import io.lrsweep.job.data.DataLoader;
import io.lrsweep.job.data.LoadedData;
import io.lrsweep.job.refine.RefineOptions;
import io.lrsweep.job.report.ReportBuilder;
import io.lrsweep.job.report.ReportResult;
import io.lrsweep.job.run.AnalysisInput;
import io.lrsweep.job.run.OutputContents;
import io.lrsweep.job.run.OutputLayout;
import io.lrsweep.job.run.PreparedData;
import io.lrsweep.job.run.RunOptions;
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
import java.util.concurrent.Callable;

/**
 * {@code lrsweep refine DIR}: pins each setup's best learning rate down by rounds of new learning
 * rates between the best's neighbours, run on Spark into DIR (only the new cells; every finished
 * trial is found by id), then redraws the report. Everything that can be refused is refused before
 * Spark starts.
 */
@Command(name = "refine", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Refine the learning-rate grid of DIR (an output of lrsweep run) around each optimizer/setup's "
                + "best lr: per round, P log-spaced lrs strictly between the best's two neighbours (one grid step "
                + "beyond an edge), only the new cells run with the same seeds; until R rounds, every bracket narrower "
                + "than D decades, or a best the seeds cannot tell from its neighbours. The rounds are recorded in "
                + "DIR/sweep.json; an interrupted round is finished first.")
final class RefineCommand implements Callable<Integer>, Verbosity {

    @Parameters(index = "0", paramLabel = "DIR", description = "An output directory of lrsweep run.")
    String dir;

    @Mixin
    RefineChoices refine;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: " + SparkSessions.DEFAULT_MASTER
            + ", or the master spark-submit was given).")
    String master;

    @Option(names = "--wave-size", paramLabel = "N", description = "Trials per committed wave (default: "
            + RunOptions.MIN_AUTO_WAVE_SIZE + ", or 32 per core of a larger cluster).")
    Integer waveSize;

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
    public Integer call() throws IOException {
        RefineOptions options = refine.options();
        var choices = analysis.changes();
        MasterUrl.check(spec.commandLine(), master);
        if (waveSize != null && waveSize < 1) {
            throw new ParameterException(spec.commandLine(), "--wave-size must be an integer >= 1, got " + waveSize);
        }
        OutputLayout layout;
        try {
            layout = new OutputLayout(dir, HadoopConf.forDriver());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        SweepSpec recorded = recorded(layout, dir);
        SweepSpec sweep = recorded.withAnalysis(choices.apply(recorded.analysis()));
        RefineRounds.checkRefinable(sweep, dir + "/sweep.json");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (verbose) {
            Logs.verbose();
        }
        boolean terminal = ProgressPrinter.stderrIsTerminal();
        try (LockedOutput locked = LockedOutput.take(layout, "refine " + dir);
             ProgressPrinter phases = new ProgressPrinter(new TrialProgress(), err, terminal);
             Interruption signals = Interruption.install(err, () -> "interrupted; every committed trial is kept in "
                     + layout.shown() + "; go on with: lrsweep refine " + dir, phases::abandon, verbose);
             SparkSessions.Handle handle = startSpark(phases, sweep, err)) {
            phases.phase("reading the data");
            // Generated data needs no SQL session; a file is read through Spark SQL.
            LoadedData data = sweep.dataset() instanceof BlobsSpec blobs ? DataLoader.generate(blobs)
                    : DataLoader.read(handle.session(), sweep.dataset());
            PreparedData prepared = PreparedData.of(data.dataset(), data.featureNames(), sweep.dataset());
            phases.endRun();
            RefineRounds.run(handle, sweep, prepared, dir, waveSize, options, locked.lock(), verbose, out, err);
            var conf = handle.hadoopConfiguration();
            ReportResult report = ReportBuilder.build(new SweepDirectory(conf, dir), choices, AnalysisInput.read(layout, conf),
                    phases);
            phases.close();
            ReportSummary.print(report, out);
        }
        return ExitCodes.OK;
    }

    private SparkSessions.Handle startSpark(ProgressPrinter phases, SweepSpec sweep, PrintWriter err) {
        phases.phase("starting Spark");
        return SparkSessions.open(sweep.name() + " refine", master, ui, err);
    }

    /** DIR's sweep.json, refused (exit 2) when DIR is no lrsweep output. */
    static SweepSpec recorded(OutputLayout layout, String dir) throws IOException {
        OutputContents contents = layout.contents();
        if (contents == null) {
            throw new BadInputException(dir + " holds no sweep.json (it does not exist): refine an output directory of lrsweep run");
        }
        String json = layout.readText(layout.specFile());
        if (json == null) {
            throw new BadInputException(dir + " holds no sweep.json: refine an output directory of lrsweep run");
        }
        try {
            return SweepParser.parse(json, true);
        } catch (SweepSpecException e) {
            throw new BadInputException(dir + "/sweep.json: " + e.getMessage(), e);
        }
    }
}
