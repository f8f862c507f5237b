package io.lrsweep.job.cli;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.SweepSpecException;
import io.lrsweep.job.data.DataLoader;
import io.lrsweep.job.report.ReportBuilder;
import io.lrsweep.job.run.RunOptions;
import io.lrsweep.job.table.SweepDirectory;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
            + RunOptions.DEFAULT_WAVE_SIZE + ").")
    int waveSize = RunOptions.DEFAULT_WAVE_SIZE;

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
        var options = refine.options();
        var choices = analysis.changes();
        if (master != null && !SparkSessions.MASTER.matcher(master).matches()) {
            throw new ParameterException(spec.commandLine(), "--master must be " + SparkSessions.MASTER_FORMS + ", got '"
                    + master + "'");
        }
        if (waveSize < 1) {
            throw new ParameterException(spec.commandLine(), "--wave-size must be an integer >= 1, got " + waveSize);
        }
        SweepSpec recorded = recorded(dir);
        SweepSpec sweep = recorded.withAnalysis(choices.apply(recorded.analysis()));
        RefineRounds.checkRefinable(sweep, dir + "/sweep.json");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (verbose) {
            Logs.verbose();
        }
        try (SparkSessions.Handle handle = SparkSessions.open(sweep.name() + " refine", master, ui, err)) {
            SparkSession spark = handle.session();
            Dataset data = DataLoader.load(spark, sweep.dataset());
            RefineRounds.run(spark, sweep, data, dir, waveSize, options, verbose, out, err);
            ReportSummary.print(ReportBuilder.build(spark.sparkContext().hadoopConfiguration(), dir), out);
        }
        return ExitCodes.OK;
    }

    /** DIR's sweep.json, refused (exit 2) when DIR is no lrsweep output. */
    static SweepSpec recorded(String dir) {
        SweepDirectory d;
        try {
            d = SweepDirectory.open(dir);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        String json = d.readText("sweep.json");
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
