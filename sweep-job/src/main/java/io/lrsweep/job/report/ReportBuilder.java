package io.lrsweep.job.report;

import io.lrsweep.core.sweep.AnalysisSpec;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.TrialSpec;
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
import io.lrsweep.job.run.TrialRow;
import io.lrsweep.job.table.CurvesTable;
import io.lrsweep.job.table.SweepDirectory;
import io.lrsweep.job.table.TrialsTable;
import org.apache.hadoop.conf.Configuration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /** The report of {@code outDir} as {@code conf} resolves it, with DIR's own analysis settings (sweep.json's). */
    public static ReportResult build(Configuration conf, String outDir) {
        return build(new SweepDirectory(conf, outDir), a -> a);
    }

    /**
     * @param choices the command line's changes to the analysis settings of DIR's sweep.json
     * @throws OutputException when DIR holds neither trials nor a range test (exit status 2)
     */
    public static ReportResult build(SweepDirectory dir, UnaryOperator<AnalysisSpec> choices) {
        String outDir = dir.shown("");
        boolean hasTrials = dir.hasTable(TrialsTable.DIR);
        LrFindTables lrFind = LrFindTables.read(dir);
        if (!hasTrials && lrFind == null) {
            throw new OutputException(outDir + " holds no trials/ (written by lrsweep run) and no lr_find/ (written by "
                    + "lrsweep lr-find): nothing to report");
        }
        List<String> notes = new ArrayList<>();
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
            List<TrialRow> trials = inGrid(TrialsTable.read(dir), spec, notes);
            r = Analysis.run(trials, p -> CurvesTable.read(dir, p), AnalysisOptions.of(settings), FigurePlan::shown);
            Analysis.write(r, dir);
            verdict = Verdict.of(r);
            axes = FigurePlan.axisPanels(r.ranking());
            heatmaps = FigurePlan.heatmaps(r.ranking());
            epochs = spec != null ? spec.training().epochs() : trials.stream().mapToInt(TrialRow::epochs).max().orElse(1);
            fixed = shared(r);
        }
        List<ReportFigures.Drawn> drawn = ReportFigures.draw(r, axes, heatmaps, epochs, lrFind);
        ReportContent content = new ReportContent(name, r, verdict, fixed, lrFind,
                drawn.stream().map(ReportFigures.Drawn::figure).toList(), notes);
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

    /** The trials of sweep.json's grid (a resumed directory can hold trials of an earlier grid), with a note when some are left out. */
    private static List<TrialRow> inGrid(List<TrialRow> all, SweepSpec spec, List<String> notes) {
        if (spec == null) {
            return all;
        }
        Set<String> ids = new HashSet<>();
        for (TrialSpec t : spec.trials()) {
            ids.add(t.trialId());
        }
        List<TrialRow> in = all.stream().filter(t -> ids.contains(t.trialId())).toList();
        if (in.isEmpty()) {
            notes.add("No trial of trials/ belongs to sweep.json's grid (written by another version?): all " + all.size()
                    + " are analysed.");
            return all;
        }
        if (in.size() < all.size()) {
            notes.add((all.size() - in.size()) + " of " + all.size() + " trials in trials/ are not in sweep.json's grid "
                    + "and are left out.");
        }
        return in;
    }

    private static SweepSpec readSpec(SweepDirectory dir, List<String> notes) {
        String json = dir.readText("sweep.json");
        if (json == null) {
            notes.add("No sweep.json: the analysis uses its default settings and every trial in trials/.");
            return null;
        }
        try {
            return SweepParser.parse(json, true);
        } catch (RuntimeException e) {
            notes.add("sweep.json could not be read (" + e.getMessage() + "); the tables are analysed without it.");
            return null;
        }
    }
}
