package io.lrsweep.job.analysis;

import io.lrsweep.job.run.TrialRow;
import io.lrsweep.job.table.CurvePoint;
import io.lrsweep.job.table.ParquetTableWriter;
import io.lrsweep.job.table.SweepDirectory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The sensitivity analysis of a sweep, in plain Java on the driver: the per-trial summaries of
 * {@code trials/} are small (a few hundred bytes a trial), so they are held and read in full;
 * {@code curves/} is read once, reduced as it streams ({@link CurveDigest}). Nothing here needs
 * Spark, and nothing is registered anywhere: two analyses in one JVM share nothing.
 */
public final class Analysis {
    private Analysis() {}

    /** Ranks the trials, then reads the curves once (keeping the epochs of {@code shown}), then summarises. */
    public static AnalysisResult run(List<TrialRow> trials, Consumer<Consumer<CurvePoint>> curves, AnalysisOptions options,
                                     java.util.function.Function<Ranking, Set<Setting>> shown) {
        Ranking ranking = Ranking.of(trials, options);
        Map<String, TrialRow> byId = new HashMap<>();
        for (TrialRow t : trials) {
            byId.put(t.trialId(), t);
        }
        CurveDigest digest = CurveDigest.of(curves, byId, shown.apply(ranking), options.targetAccuracy());
        return complete(ranking, digest);
    }

    static AnalysisResult complete(Ranking ranking, CurveDigest digest) {
        AnalysisOptions o = ranking.options();
        Metric metric = o.metric();
        Map<Setting, SettingSummary> summaries = new LinkedHashMap<>();
        for (SettingTrials s : ranking.settings()) {
            summaries.put(s.setting(), SettingSummary.of(s, metric, digest, o.targetAccuracy()));
        }
        List<UCurveSummary> ucurves = new ArrayList<>();
        for (List<SettingTrials> setup : ranking.setups().values()) {
            LrCurve curve = new LrCurve(setup, SetupValues.initialCosts(setup, metric, digest));
            UCurveSummary u = UCurveFit.summarize(ranking.describeSetup(setup.get(0).setting()), curve,
                    SetupValues.of(curve, digest), metric, o);
            if (u != null) {
                ucurves.add(u);
            }
        }
        ucurves.sort(Comparator.comparing((UCurveSummary u) -> u.bestValue() == null)
                .thenComparing(u -> u.bestValue() == null ? 0.0 : metric.cost(u.bestValue())));
        return new AnalysisResult(ranking, summaries, List.copyOf(ucurves), digest, Transfer.of(ranking, digest),
                TuningCost.of(ranking, digest));
    }

    /**
     * Writes {@code sensitivity/}, {@code ucurve/}, {@code transfer/} and {@code tuning_cost/} under
     * {@code dir}, each replacing the earlier table.
     */
    public static void write(AnalysisResult r, SweepDirectory dir) {
        write(r, dir, setup -> 0);
    }

    /** As {@link #write(AnalysisResult, SweepDirectory)}, with each setup's refinement rounds for {@code ucurve/}. */
    public static void write(AnalysisResult r, SweepDirectory dir, java.util.function.ToIntFunction<String> rounds) {
        dir.replaceTable(SensitivityTable.DIR, ParquetTableWriter.write(SensitivityTable.SCHEMA,
                SensitivityTable.rows(r.ranking().slices(), r.summaries(), r.metric(), r.ranking().varying())));
        dir.replaceTable(UCurveTable.DIR, ParquetTableWriter.write(UCurveTable.SCHEMA, UCurveTable.rows(r.ucurves(), rounds)));
        dir.replaceTable(TransferTable.DIR, ParquetTableWriter.write(TransferTable.SCHEMA,
                TransferTable.rows(r.transfer(), r.metric())));
        dir.replaceTable(TuningCostTable.DIR, ParquetTableWriter.write(TuningCostTable.SCHEMA,
                TuningCostTable.rows(r.tuningCost(), r.metric(), r.options().targetAccuracy())));
    }
}
