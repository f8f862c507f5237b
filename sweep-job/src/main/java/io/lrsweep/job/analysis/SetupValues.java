package io.lrsweep.job.analysis;

import io.lrsweep.job.run.TrialRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A setup's values besides the metric, along its learning rates: the means over finished seeds of
 * final and best val_loss and final val_accuracy, and the net before any update (its val_loss and
 * val_accuracy, mean over seeds; within a setup the initial weights depend on the seed alone, so
 * every lr of a seed shares them and any of its trials tells them).
 */
final class SetupValues {
    private final double[] finalValLoss;
    private final double[] bestValLoss;
    private final double[] valAccuracy;
    private final Double initValLoss;
    private final Double initValAccuracy;

    private SetupValues(int n, Double initValLoss, Double initValAccuracy) {
        this.finalValLoss = new double[n];
        this.bestValLoss = new double[n];
        this.valAccuracy = new double[n];
        this.initValLoss = initValLoss;
        this.initValAccuracy = initValAccuracy;
    }

    static SetupValues of(LrCurve c, CurveDigest digest) {
        Map<Long, Double> loss0 = new TreeMap<>();
        Map<Long, Double> accuracy0 = new TreeMap<>();
        for (SettingTrials s : c.settings) {
            s.bySeed().forEach((seed, t) -> {
                CurveDigest.Initial e0 = digest.trial(t.trialId()).initial();
                Double l = t.initialValLoss() != null ? t.initialValLoss() : e0 == null ? null : e0.valLoss();
                if (l != null) {
                    loss0.putIfAbsent(seed, l);
                }
                if (e0 != null) {
                    accuracy0.putIfAbsent(seed, e0.valAccuracy());
                }
            });
        }
        boolean all = loss0.size() == c.seeds.length;
        SetupValues v = new SetupValues(c.size(), all ? LrCurve.mean(loss0.values()) : null,
                accuracy0.size() == c.seeds.length ? LrCurve.mean(accuracy0.values()) : null);
        for (int i = 0; i < c.size(); i++) {
            SettingTrials s = c.settings.get(i);
            v.finalValLoss[i] = mean(s, TrialRow::finalValLoss);
            v.bestValLoss[i] = mean(s, TrialRow::bestValLoss);
            v.valAccuracy[i] = mean(s, TrialRow::finalValAccuracy);
        }
        return v;
    }

    /** The metric's initial cost per seed, from any trial of the seed in the setup. */
    static Map<Long, Double> initialCosts(List<SettingTrials> settings, Metric metric, CurveDigest digest) {
        Map<Long, Double> out = new TreeMap<>();
        for (SettingTrials s : settings) {
            s.bySeed().forEach((seed, t) -> {
                Double v = metric.initialValue(t, digest.trial(t.trialId()).initial());
                if (v != null && !out.containsKey(seed)) {
                    out.put(seed, metric.cost(v));
                }
            });
        }
        return out;
    }

    private static double mean(SettingTrials s, Function<TrialRow, Double> value) {
        List<Double> values = new ArrayList<>();
        for (Map.Entry<Long, TrialRow> e : s.bySeed().entrySet()) {
            Double v = value.apply(e.getValue());
            if (Outcome.finished(Outcome.of(e.getValue().status())) && v != null && !Double.isNaN(v)) {
                values.add(v);
            }
        }
        return LrCurve.mean(values);
    }

    double meanFinalValLoss(int i) {
        return finalValLoss[i];
    }

    double meanBestValLoss(int i) {
        return bestValLoss[i];
    }

    double meanValAccuracy(int i) {
        return valAccuracy[i];
    }

    Double initValLoss() {
        return initValLoss;
    }

    Double initValAccuracy() {
        return initValAccuracy;
    }
}
