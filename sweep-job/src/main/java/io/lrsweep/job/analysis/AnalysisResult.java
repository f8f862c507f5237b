package io.lrsweep.job.analysis;

import java.util.List;
import java.util.Map;

/**
 * The whole analysis of a sweep: the trials' {@link Ranking}, every setting's statistics, the
 * U-curves (best first), the curves' digest (the shown settings' epochs), how the best lr moves along
 * the numeric axes ({@link Transfer}) and what tuning costs per optimizer and schedule ({@link TuningCost}).
 */
public record AnalysisResult(Ranking ranking, Map<Setting, SettingSummary> summaries, List<UCurveSummary> ucurves,
                             CurveDigest digest, List<TransferFit> transfer, List<TuningCost> tuningCost) {

    public AnalysisOptions options() {
        return ranking.options();
    }

    public Metric metric() {
        return ranking.metric();
    }

    public SettingSummary summary(SettingTrials s) {
        return summaries.get(s.setting());
    }

    /** The best setting's statistics, or null when no setting ended ok on every seed. */
    public SettingSummary best() {
        return ranking.best() == null ? null : summary(ranking.best());
    }
}
