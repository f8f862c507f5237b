package io.lrsweep.job.cli;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.lrfind.LrFinderSpec;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.data.DataLoader;
import io.lrsweep.job.lrfind.LrFindJob;
import io.lrsweep.job.lrfind.LrFindSuggestion;
import io.lrsweep.job.lrfind.LrFindSummary;
import io.lrsweep.job.report.ReportBuilder;
import io.lrsweep.job.table.SweepDirectory;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
                    + "best, the reference figures.")
    static final class Report implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "An output directory of lrsweep run or lr-find.")
        String dir;

        @Mixin
        AnalysisChoices analysis;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var choices = analysis.changes();
            SweepDirectory out;
            try {
                out = SweepDirectory.open(dir);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            ReportSummary.print(ReportBuilder.build(out, choices), spec.commandLine().getOut());
            return ExitCodes.OK;
        }
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
        public Integer call() {
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
            PrintWriter stdout = spec.commandLine().getOut();
            try (SparkSessions.Handle handle = SparkSessions.open(sweep.name() + " lr-find", master, false,
                    spec.commandLine().getErr())) {
                SparkSession spark = handle.session();
                Dataset data = DataLoader.load(spark, sweep.dataset());
                LrFindSummary s = LrFindJob.run(spark, sweep, data, dir, finder);
                stdout.println("lr-find " + sweep.name() + ": " + s.tests() + " range tests");
                stdout.println("  curves   " + s.curveTable());
                stdout.println("  summary  " + s.summaryTable());
                for (LrFindSuggestion g : s.suggestions()) {
                    stdout.println(String.format(Locale.ROOT, "  suggest  %s: steepest descent at lr %s, minimum / 10 = %s (%d of %d seeds readable)",
                            g.label(), fmt(g.steepestLr()), fmt(g.minimumOverTenLr()), g.readable(), g.seeds()));
                }
                ReportSummary.print(ReportBuilder.build(new SweepDirectory(spark.sparkContext().hadoopConfiguration(), dir),
                        choices), stdout);
            }
            return ExitCodes.OK;
        }

        private static String fmt(Double v) {
            return v == null ? "n/a" : Labels.sig(v, 3);
        }
    }
}
