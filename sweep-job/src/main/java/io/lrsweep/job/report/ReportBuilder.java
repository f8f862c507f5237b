package io.lrsweep.job.report;

import io.lrsweep.core.sweep.AnalysisSpec;
import io.lrsweep.core.sweep.Refinement;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.analysis.Analysis;
import io.lrsweep.job.analysis.AnalysisOptions;
import io.lrsweep.job.analysis.AnalysisResult;
import io.lrsweep.job.analysis.SensitivityTable;
import io.lrsweep.job.analysis.SettingAxes;
import io.lrsweep.job.analysis.SettingAxis;
import io.lrsweep.job.analysis.TransferTable;
import io.lrsweep.job.analysis.TuningCostTable;
import io.lrsweep.job.analysis.UCurveTable;
import io.lrsweep.job.analysis.Verdict;
import io.lrsweep.job.lrfind.LrFindTables;
import io.lrsweep.job.run.OutputException;
import io.lrsweep.job.run.AnalysisInput;
import io.lrsweep.job.run.OutputLayout;
import io.lrsweep.job.run.PhaseListener;
import io.lrsweep.job.run.TrialRow;
import io.lrsweep.job.table.CurvesTable;
import io.lrsweep.job.table.SweepDirectory;
import io.lrsweep.job.table.TrialsTable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code lrsweep report DIR} (and the end of {@code run} and {@code lr-find}): reads the directory's
 * {@code trials/} and {@code curves/} straight from Parquet (no Spark session), analyses them in
 * plain Java ({@link Analysis}), writes {@code sensitivity/} and {@code ucurve/}, and draws
 * {@code report/} (PNG figures and {@code index.html}), also showing {@code lr_find/} when
 * {@code lrsweep lr-find} wrote it. DIR may be any Hadoop path; {@code report/} is replaced as a
 * whole, so no figure of an earlier report lingers.
 */
public final class ReportBuilder {
    public static final String REPORT = "report";

    private ReportBuilder() {}

    /**
     * The report of {@code outDir} as {@code conf} resolves it and as it stands (its committed files
     * verified, its grid from sweep.json and data.json: {@link AnalysisInput#read}), with DIR's own
     * analysis settings (sweep.json's).
     */
    public static ReportResult build(Configuration conf, String outDir) {
        OutputLayout layout = new OutputLayout(outDir, conf);
        AnalysisInput input;
        try {
            input = AnalysisInput.read(layout, conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + layout.root(), e);
        }
        return build(new SweepDirectory(conf, outDir), a -> a, input, PhaseListener.NONE);
    }

    /**
     * The report of the trials {@code input} hands over: only its verified files of trials/ and
     * curves/ are read (a torn wave's files are left out), and only the trials of the grid as it
     * stands are analysed (the runner and {@link AnalysisInput#read} decide which).
     *
     * @param choices the command line's changes to the analysis settings of DIR's sweep.json
     * @throws OutputException when DIR holds neither trials nor a range test (exit status 2)
     */
    public static ReportResult build(SweepDirectory out, UnaryOperator<AnalysisSpec> choices, AnalysisInput input,
                                     PhaseListener phases) {
        SweepDirectory dir = out.withParts(TrialsTable.DIR, names(input.trialFiles()))
                .withParts(CurvesTable.DIR, names(input.curveFiles()));
        String outDir = dir.shown("");
        if (!input.trialFiles().isEmpty()) {
            phases.phase("analysing " + input.present() + " trials");
        }
        // Trials of another grid, epochs or data are set aside (input's notes say so), never analysed.
        List<TrialRow> trials = TrialsTable.read(dir).stream().filter(t -> input.includes(t.trialId())).toList();
        boolean hasTrials = !trials.isEmpty();
        LrFindTables lrFind = LrFindTables.read(dir);
        if (!hasTrials && lrFind == null) {
            throw new OutputException(outDir + " holds no trials/ (written by lrsweep run) and no lr_find/ (written by "
                    + "lrsweep lr-find): nothing to report");
        }
        List<String> notes = new ArrayList<>(input.notes());
        SweepSpec spec = readSpec(dir, notes);
        String name = spec != null ? spec.name() : dir.name();
        AnalysisSpec settings = choices.apply(spec != null ? spec.analysis() : AnalysisSpec.defaults());
        AnalysisResult r = null;
        Verdict verdict = null;
        List<FigurePlan.AxisPanels> axes = List.of();
        List<FigurePlan.HeatmapSlice> heatmaps = List.of();
        int epochs = 0;
        String fixed = "";
        if (hasTrials) {
            r = Analysis.run(trials, p -> CurvesTable.read(dir, p), AnalysisOptions.of(settings), FigurePlan::shown);
            Analysis.write(r, dir, spec == null ? setup -> 0 : spec.refinement()::roundsOf);
            verdict = Verdict.of(r);
            axes = FigurePlan.axisPanels(r.ranking());
            heatmaps = FigurePlan.heatmaps(r.ranking());
            epochs = spec != null ? spec.training().epochs() : trials.stream().mapToInt(TrialRow::epochs).max().orElse(1);
            fixed = shared(r);
        }
        Refinement refinement = spec != null ? spec.refinement() : Refinement.NONE;
        phases.phase("drawing the report's figures");
        List<ReportFigures.Drawn> drawn = ReportFigures.draw(r, axes, heatmaps, epochs, lrFind, refinement);
        ReportContent content = new ReportContent(name, r, verdict, fixed, lrFind,
                drawn.stream().map(ReportFigures.Drawn::figure).toList(), notes,
                r == null ? List.of() : RefinementMarks.lines(r.ucurves(), refinement));
        dir.delete(REPORT);
        List<String> files = new ArrayList<>();
        for (ReportFigures.Drawn f : drawn) {
            dir.write(REPORT + "/" + f.figure().file(), f.png());
            files.add(dir.shown(REPORT + "/" + f.figure().file()));
        }
        dir.write(REPORT + "/index.html", HtmlReport.render(content).getBytes(StandardCharsets.UTF_8));
        List<String> tables = hasTrials ? List.of(dir.shown(SensitivityTable.DIR), dir.shown(UCurveTable.DIR),
                dir.shown(TransferTable.DIR), dir.shown(TuningCostTable.DIR)) : List.of();
        return new ReportResult(dir.shown(REPORT), dir.shown(REPORT + "/index.html"), files, tables, notes, verdict);
    }

    /** The settings every trial shares, as said (an axis that applies to some trials only is not shared). */
    private static String shared(AnalysisResult r) {
        List<io.lrsweep.job.analysis.SettingTrials> settings = r.ranking().settings();
        if (settings.isEmpty()) {
            return "";
        }
        io.lrsweep.job.analysis.Setting first = settings.get(0).setting();
        List<SettingAxis> constant = SettingAxes.ALL.stream().filter(a -> settings.stream()
                .allMatch(s -> java.util.Objects.equals(s.setting().get(a), first.get(a)))).toList();
        return first.spoken(constant);
    }

    private static java.util.Set<String> names(List<Path> files) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Path f : files) {
            names.add(f.getName());
        }
        return names;
    }

    private static SweepSpec readSpec(SweepDirectory dir, List<String> notes) {
        String json = dir.readText("sweep.json");
        if (json == null) {
            notes.add("No sweep.json: the analysis uses its default settings.");
            return null;
        }
        try {
            return SweepParser.parse(json, true);
        } catch (RuntimeException e) {
            notes.add("sweep.json could not be read (" + e.getMessage() + "); the analysis uses its default settings.");
            return null;
        }
    }
}
