package io.lrsweep.job.analysis;

import io.lrsweep.core.train.TrialStatus;
import io.lrsweep.job.run.TrialRow;
import io.lrsweep.job.table.CurvePoint;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the analysis takes from {@code curves/}, gathered in one pass over its rows: per trial, the
 * net before any update (epoch 0), its best val_accuracy and the first epoch whose val_accuracy
 * reaches the target (both over epochs 1.., NaN values skipped); and for the few settings a figure
 * shows, the epochs over their seeds ({@link EpochSeries}). Rows of trials not in {@code trials}
 * (not in the analysed grid) are skipped.
 */
public final class CurveDigest {

    /** A trial's epoch 0. */
    public record Initial(double loss, double accuracy, double valLoss, double valAccuracy) {}

    /** A trial's curve reduced to what the tables need. */
    public static final class PerTrial {
        Initial initial;
        double bestValAccuracy = Double.NaN;
        int epochsToTarget = -1;

        public Initial initial() {
            return initial;
        }

        /** NaN when no epoch had a finite val_accuracy. */
        public double bestValAccuracy() {
            return bestValAccuracy;
        }

        /** Null when the target was never reached. */
        public Integer epochsToTarget() {
            return epochsToTarget < 0 ? null : epochsToTarget;
        }
    }

    private final Map<String, PerTrial> trials = new HashMap<>();
    private final Map<Setting, EpochSeries> series = new HashMap<>();

    private CurveDigest() {}

    /**
     * @param rows   calls its argument with every curve row (e.g. {@code p -> CurvesTable.read(dir, p)})
     * @param shown  the settings whose epochs the figures draw
     */
    public static CurveDigest of(java.util.function.Consumer<java.util.function.Consumer<CurvePoint>> rows,
                                 Map<String, TrialRow> trials, Set<Setting> shown, double targetAccuracy) {
        CurveDigest d = new CurveDigest();
        Map<String, EpochSeries> seriesOf = new HashMap<>();
        for (TrialRow t : trials.values()) {
            d.trials.put(t.trialId(), new PerTrial());
            Setting s = Setting.of(t);
            if (shown.contains(s) && Outcome.finished(Outcome.of(t.status()))) {
                EpochSeries e = d.series.computeIfAbsent(s, k -> new EpochSeries());
                seriesOf.put(t.trialId(), e);
            }
        }
        rows.accept(p -> {
            PerTrial t = d.trials.get(p.trialId());
            if (t == null) {
                return;
            }
            if (p.epoch() == 0) {
                t.initial = new Initial(p.loss(), p.accuracy(), p.valLoss(), p.valAccuracy());
            } else if (!Double.isNaN(p.valAccuracy())) {
                t.bestValAccuracy = Double.isNaN(t.bestValAccuracy) ? p.valAccuracy() : Math.max(t.bestValAccuracy, p.valAccuracy());
                if (p.valAccuracy() >= targetAccuracy && (t.epochsToTarget < 0 || p.epoch() < t.epochsToTarget)) {
                    t.epochsToTarget = p.epoch();
                }
            }
            EpochSeries e = seriesOf.get(p.trialId());
            if (e != null) {
                e.add(p);
            }
        });
        // A saturated trial that stopped early is frozen: its later epochs repeat its last one.
        for (TrialRow t : trials.values()) {
            EpochSeries e = seriesOf.get(t.trialId());
            if (e != null && Outcome.of(t.status()) == TrialStatus.SATURATED) {
                e.extendFrozen(t.trialId(), t.epochs());
            }
        }
        d.series.values().forEach(EpochSeries::close);
        return d;
    }

    /** The trial's digest; every trial of the analysed grid has one (empty when it has no curve rows). */
    public PerTrial trial(String trialId) {
        return trials.get(trialId);
    }

    /** The epochs of a shown setting over its finished seeds, or null when it had none. */
    public EpochSeries series(Setting s) {
        return series.get(s);
    }
}
