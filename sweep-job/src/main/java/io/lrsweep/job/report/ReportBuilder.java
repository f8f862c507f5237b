package io.lrsweep.job.report;

import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.analysis.Analysis;
import io.lrsweep.job.analysis.AnalysisOptions;
import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.analysis.SweepDirectory;
import io.lrsweep.job.analysis.UCurveSummary;
import io.lrsweep.job.lrfind.LrFindTables;
import io.lrsweep.job.run.OutputException;
import io.lrsweep.job.run.AnalysisInput;
import io.lrsweep.job.run.OutputLayout;
import io.lrsweep.job.run.PhaseListener;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lrsweep report DIR} (and the end of {@code run}): analyses the directory's
 * {@code trials/} and {@code curves/} in Spark, writes {@code sensitivity/} and {@code ucurve/},
 * and draws {@code report/} (PNG figures and {@code index.html}), also showing {@code lr_find/}
 * when {@code lrsweep lr-find} wrote it. The driver collects only aggregated tables; the figures
 * are rendered in memory and written through Hadoop's file system, so DIR may be any Hadoop path.
 * {@code report/} is replaced as a whole, so no figure of an earlier report lingers.
 */
public final class ReportBuilder {
    public static final String REPORT = "report";

    private ReportBuilder() {}

    public static ReportResult build(SparkSession spark, String outDir) {
        return build(spark, outDir, AnalysisOptions.defaults());
    }

    /** The report of {@code outDir} as it stands: its committed files verified, its grid from sweep.json and data.json. */
    public static ReportResult build(SparkSession spark, String outDir, AnalysisOptions options) {
        OutputLayout layout = new OutputLayout(outDir, spark.sparkContext().hadoopConfiguration());
        try {
            return build(spark, outDir, AnalysisInput.read(layout, spark.sparkContext().hadoopConfiguration()), options,
                    PhaseListener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + layout.root(), e);
        }
    }

    /** The report of the trials the runner hands over ({@code input}: verified files, the grid as it stands). */
    public static ReportResult build(SparkSession spark, String outDir, AnalysisInput input, PhaseListener phases) {
        return build(spark, outDir, input, AnalysisOptions.defaults(), phases);
    }

    /** @throws OutputException when DIR holds neither trials nor a range test (exit status 2) */
    public static ReportResult build(SparkSession spark, String outDir, AnalysisInput input, AnalysisOptions options,
                                     PhaseListener phases) {
        SweepDirectory dir = new SweepDirectory(spark, outDir);
        boolean hasTrials = !input.trialFiles().isEmpty();
        LrFindTables lrFind = LrFindTables.read(spark, dir);
        if (!hasTrials && lrFind == null) {
            throw new OutputException(outDir + " holds no trials/ (written by lrsweep run) and no lr_find/ (written by "
                    + "lrsweep lr-find): nothing to report");
        }
        List<String> notes = new ArrayList<>(input.notes());
        SweepSpec spec = readSpec(dir, notes);
        String name = spec != null ? spec.name() : dir.root().getName();
        phases.phase("analysing " + input.present() + " trials");
        ReportData d = hasTrials ? ReportData.collect(spark, dir, input, spec, options, notes) : ReportData.EMPTY;
        phases.phase("drawing the report's figures");
        List<ReportFigures.Drawn> drawn = ReportFigures.draw(d.settings(), d.ucurves(), d.axes(), d.heatmaps(), d.epochs(),
                d.epochCount(), lrFind, options.basinTolerance());
        ReportContent content = new ReportContent(name, dir.root().toString(), options, d.counts(), d.settings(), d.ucurves(),
                d.axes(), lrFind, drawn.stream().map(ReportFigures.Drawn::figure).toList(), notes);
        dir.delete(REPORT);
        List<String> files = new ArrayList<>();
        for (ReportFigures.Drawn f : drawn) {
            dir.write(REPORT + "/" + f.figure().file(), f.png());
            files.add(dir.uri(REPORT + "/" + f.figure().file()));
        }
        dir.write(REPORT + "/index.html", HtmlReport.render(content).getBytes(StandardCharsets.UTF_8));
        List<String> tables = hasTrials ? List.of(dir.uri(Analysis.SENSITIVITY), dir.uri(Analysis.UCURVE)) : List.of();
        return new ReportResult(dir.uri(REPORT), dir.uri(REPORT + "/index.html"), files, tables, notes, highlights(d.ucurves()));
    }

    private static SweepSpec readSpec(SweepDirectory dir, List<String> notes) {
        String json = dir.readText("sweep.json");
        if (json == null) {
            return null;
        }
        try {
            return SweepParser.parse(json, true);
        } catch (RuntimeException e) {
            notes.add("sweep.json could not be read (" + e.getMessage() + "); the tables are analysed without it.");
            return null;
        }
    }

    /** One console line per setup: the U-curve's readings. */
    private static List<String> highlights(List<UCurveSummary> ucurves) {
        List<String> lines = new ArrayList<>();
        for (UCurveSummary u : ucurves) {
            lines.add(u.setup() + ": best lr " + Labels.sig(u.bestLr(), 3) + " [" + Labels.sig(u.bestLrLow(), 3) + ", "
                    + Labels.sig(u.bestLrHigh(), 3) + "], basin " + HtmlReport.range(u.basinLrMin(), u.basinLrMax())
                    + ", learns " + HtmlReport.range(u.usefulLrMin(), u.usefulLrMax())
                    + ", largest never-diverged lr " + Labels.sig(u.maxStableLr(), 3)
                    + ", LR sensitivity " + Labels.sig(u.lrSensitivity(), 3));
        }
        return lines;
    }
}
