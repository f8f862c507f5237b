package io.lrsweep.job.cli;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.lrfind.LrFinderSpec;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.SweepWriter;
import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.data.DataLoader;
import io.lrsweep.job.lrfind.LrFindJob;
import io.lrsweep.job.lrfind.LrFindSuggestion;
import io.lrsweep.job.lrfind.LrFindSummary;
import io.lrsweep.job.report.ReportBuilder;
import io.lrsweep.job.report.ReportResult;
import io.lrsweep.job.run.AnalysisInput;
import io.lrsweep.job.run.OutputContents;
import io.lrsweep.job.run.OutputLayout;
import io.lrsweep.job.table.HadoopConf;
import io.lrsweep.job.table.SweepDirectory;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code report} and {@code lr-find}: the analysis side of the command line. */
final class AnalysisCommands {

    private AnalysisCommands() {}

    @Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
            description = "(Re)build DIR/report (index.html and PNG figures), DIR/sensitivity and DIR/ucurve from DIR's "
                    + "Parquet tables, read directly (no Spark session): the verdict, the U-curve, each axis at its own "
                    + "best, the reference figures. Every committed file is checked first; the report says which trials "
                    + "of the grid are missing.")
    static final class Report implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "An output directory of lrsweep run or lr-find.")
        String dir;

        @Mixin
        AnalysisChoices analysis;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            var choices = analysis.changes();
            OutputLayout layout;
            try {
                layout = new OutputLayout(dir, HadoopConf.forDriver());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            OutputContents contents = layout.contents();
            if (contents == null) {
                throw new BadInputException(dir + " does not exist: nothing to report");
            }
            if (!contents.hasSpec() && !contents.ours().contains("trials") && !contents.ours().contains("lr_find")) {
                throw new BadInputException(dir + " holds no trials/ (written by lrsweep run) and no lr_find/ (written by "
                        + "lrsweep lr-find): nothing to report");
            }
            if (contents.isForeign()) {
                throw new BadInputException("report refuses to write into " + layout.shown() + ": it holds "
                        + contents.othersShown() + " and no sweep.json, so it is not an lrsweep output directory");
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (LockedOutput locked = LockedOutput.take(layout, "report");
                 ProgressPrinter phases = new ProgressPrinter(new TrialProgress(), err, ProgressPrinter.stderrIsTerminal());
                 Interruption signals = Interruption.install(err, () -> "interrupted; the report of " + layout.shown()
                         + " is not complete; build it again with: lrsweep report " + dir, phases::abandon, false)) {
                phases.phase("checking the committed files");
                Configuration conf = layout.fileSystem().getConf();
                AnalysisInput input = AnalysisInput.read(layout, conf);
                ReportResult r = ReportBuilder.build(new SweepDirectory(conf, dir), choices, input, phases);
                phases.close();
                printTrials(input, dir, out);
                ReportSummary.print(r, out);
            }
            return ExitCodes.OK;
        }
    }

    /** "trials   8 of the grid's 24 (16 missing: lrsweep run ... --resume runs them), 2 ... set aside". */
    static void printTrials(AnalysisInput input, String dir, PrintWriter out) {
        if (input.grid() == null) {
            return;
        }
        StringBuilder b = new StringBuilder("  trials   " + input.present() + " of the grid's " + input.grid().size());
        if (input.missing() > 0) {
            b.append(" (").append(input.missing()).append(" missing: lrsweep run <sweep file> --out ").append(dir)
                    .append(" --resume runs them)");
        }
        if (input.setAside() > 0) {
            b.append(", ").append(input.setAside()).append(" of another grid or data set aside");
        }
        out.println(b);
        out.flush();
    }

    @Command(name = "lr-find", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Learning-rate range test (lr grows geometrically per update; smoothed loss against "
                    + "log10 lr) for each optimizer/setup of the sweep and each seed, as Spark tasks. Writes "
                    + "DIR/lr_find and redraws DIR/report, which sets the suggestion beside a grid's best lr.")
    static final class LrFind implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SWEEP.json", description = "The sweep file.")
        Path sweepFile;

        @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: results/<sweep name>; "
                + "a run's directory is fine: only lr_find/ and report/ are replaced).")
        String out;

        @Option(names = "--seeds", paramLabel = "N", description = "Use seeds 0..N-1 instead of the file's seeds.")
        Integer seeds;

        @Option(names = "--lr-min", paramLabel = "LR", description = "Start of the ramp (default: ${DEFAULT-VALUE}).")
        double lrMin = LrFinderSpec.defaults().lrMin();

        @Option(names = "--lr-max", paramLabel = "LR", description = "End of the ramp (default: ${DEFAULT-VALUE}).")
        double lrMax = LrFinderSpec.defaults().lrMax();

        @Option(names = "--updates", paramLabel = "N", description = "Updates in the ramp (default: ${DEFAULT-VALUE}).")
        int updates = LrFinderSpec.defaults().updates();

        @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*]).")
        String master;

        @Mixin
        AnalysisChoices analysis;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            MasterUrl.check(spec.commandLine(), master);
            var choices = analysis.changes();
            SweepSpec sweep = SweepFiles.load(spec.commandLine(), sweepFile, seeds, false);
            LrFinderSpec finder;
            try {
                LrFinderSpec d = LrFinderSpec.defaults();
                finder = new LrFinderSpec(lrMin, lrMax, updates, d.smoothing(), d.divergenceFactor());
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage().replace("lr_find.", "--")
                        .replace("lr_min", "lr-min").replace("lr_max", "lr-max"));
            }
            String dir = out != null ? out : "results/" + sweep.name();
            OutputLayout layout = new OutputLayout(dir, HadoopConf.forDriver());
            checkOutput(layout, sweep);
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (LockedOutput locked = LockedOutput.take(layout, "lr-find " + sweepFile);
                 ProgressPrinter phases = new ProgressPrinter(new TrialProgress(), err, ProgressPrinter.stderrIsTerminal());
                 Interruption signals = Interruption.install(err, () -> "interrupted; lr-find of " + layout.shown()
                         + " is not complete; run it again with: lrsweep lr-find " + sweepFile + " --out " + dir,
                         phases::abandon, false);
                 SparkSessions.Handle handle = SparkSessions.open(sweep.name() + " lr-find", master, false, err)) {
                SparkSession spark = handle.session();
                Dataset data = DataLoader.load(spark, sweep.dataset());
                if (!layout.fileSystem().exists(layout.specFile())) {
                    // The directory is lrsweep's from now on: report, run --resume and lr-find recognise it by sweep.json.
                    layout.writeText(layout.specFile(), SweepWriter.toJson(sweep));
                }
                phases.phase("running the range tests");
                LrFindSummary s = LrFindJob.run(spark, sweep, data, dir, finder);
                stdout.println("lr-find " + sweep.name() + ": " + s.tests() + " range tests");
                stdout.println("  curves   " + s.curveTable());
                stdout.println("  summary  " + s.summaryTable());
                for (LrFindSuggestion g : s.suggestions()) {
                    stdout.println(String.format(Locale.ROOT, "  suggest  %s: steepest descent at lr %s, minimum / 10 = %s (%d of %d seeds readable)",
                            g.label(), fmt(g.steepestLr()), fmt(g.minimumOverTenLr()), g.readable(), g.seeds()));
                }
                stdout.flush();
                phases.phase("building the report");
                Configuration conf = handle.context().hadoopConfiguration();
                ReportResult r = ReportBuilder.build(new SweepDirectory(conf, dir), choices, AnalysisInput.read(layout, conf),
                        phases);
                phases.close();
                ReportSummary.print(r, stdout);
            }
            return ExitCodes.OK;
        }

        /**
         * lr-find writes lr_find/, report/ and (in a new directory) sweep.json: only into an empty
         * directory or an lrsweep output of the same sweep, never over what someone else wrote.
         */
        private void checkOutput(OutputLayout layout, SweepSpec sweep) throws IOException {
            OutputContents c = layout.contents();
            if (c == null || c.isEmpty()) {
                return;
            }
            if (c.isForeign()) {
                throw new BadInputException("lr-find refuses to write into " + layout.shown() + ": it holds "
                        + c.othersShown() + " and no sweep.json, so it is not an lrsweep output directory; choose another --out");
            }
            String json = layout.readText(layout.specFile());
            String name;
            try {
                name = SweepParser.parse(json, true).name();
            } catch (RuntimeException e) {
                throw new BadInputException("lr-find refuses to write into " + layout.shown() + ": its sweep.json cannot be "
                        + "read (" + e.getMessage() + ")");
            }
            if (!name.equals(sweep.name())) {
                throw new BadInputException("lr-find refuses to write into " + layout.shown() + ": it holds the sweep '" + name
                        + "', not '" + sweep.name() + "'; choose another --out");
            }
        }

        private static String fmt(Double v) {
            return v == null ? "n/a" : Labels.sig(v, 3);
        }
    }
}
