package io.lrsweep.job.analysis;

import io.lrsweep.core.train.TrialStatus;
import io.lrsweep.job.run.TrialRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A grid setting's statistics over its seeds, for the tables and the report. Means, spreads and
 * intervals are over the trials that finished ({@link Outcome}); the other classes are counted.
 *
 * @param firstDivergenceEpoch the earliest epoch at which one of its trials diverged (null if none did)
 * @param metric               the analysis metric's final value
 * @param bestValAccuracy      the best val_accuracy over a trial's epochs (from {@code curves/})
 * @param reachedTarget        finished trials whose val_accuracy reached the target
 * @param epochsToTarget       the first epoch at which they reached it, over those trials
 * @param initValLoss          the net's val_loss before any update, mean over trials
 */
public record SettingSummary(SettingTrials trials, Integer firstDivergenceEpoch, Stat metric, Stat finalValLoss,
                             Stat bestValLoss, Stat finalValAccuracy, Stat bestValAccuracy, Double finalLoss,
                             Double finalAccuracy, double targetAccuracy, int reachedTarget, Stat epochsToTarget,
                             Double initValLoss) {

    public Setting setting() {
        return trials.setting();
    }

    public int count(TrialStatus s) {
        return trials.count(s);
    }

    static SettingSummary of(SettingTrials s, Metric metric, CurveDigest digest, double targetAccuracy) {
        Integer firstDivergence = null;
        List<Double> epochs = new ArrayList<>();
        List<Double> bestAccuracy = new ArrayList<>();
        List<Double> init = new ArrayList<>();
        for (TrialRow t : s.bySeed().values()) {
            TrialStatus status = Outcome.of(t.status());
            if (status == TrialStatus.DIVERGED && (firstDivergence == null || t.epochsCompleted() < firstDivergence)) {
                firstDivergence = t.epochsCompleted();
            }
            CurveDigest.PerTrial c = digest.trial(t.trialId());
            if (Outcome.finished(status)) {
                if (c.epochsToTarget() != null) {
                    epochs.add((double) c.epochsToTarget());
                }
                if (!Double.isNaN(c.bestValAccuracy())) {
                    bestAccuracy.add(c.bestValAccuracy());
                }
            }
            Double i0 = t.initialValLoss() != null ? t.initialValLoss() : c.initial() == null ? null : c.initial().valLoss();
            if (i0 != null) {
                init.add(i0);
            }
        }
        List<Double> metricValues = new ArrayList<>();
        for (double cost : s.costs().values()) {
            metricValues.add(metric.value(cost));
        }
        return new SettingSummary(s, firstDivergence, Stat.of(metricValues), Stat.of(finished(s, TrialRow::finalValLoss)),
                Stat.of(finished(s, TrialRow::bestValLoss)), Stat.of(finished(s, TrialRow::finalValAccuracy)),
                Stat.of(bestAccuracy), Stat.plain(finished(s, TrialRow::finalLoss)).mean(),
                Stat.plain(finished(s, TrialRow::finalAccuracy)).mean(), targetAccuracy, epochs.size(), Stat.plain(epochs),
                init.isEmpty() ? null : LrCurve.mean(init));
    }

    private static List<Double> finished(SettingTrials s, Function<TrialRow, Double> value) {
        List<Double> out = new ArrayList<>();
        for (Map.Entry<Long, TrialRow> e : s.bySeed().entrySet()) {
            Double v = value.apply(e.getValue());
            if (Outcome.finished(Outcome.of(e.getValue().status())) && v != null && !Double.isNaN(v)) {
                out.add(v);
            }
        }
        return out;
    }
}
