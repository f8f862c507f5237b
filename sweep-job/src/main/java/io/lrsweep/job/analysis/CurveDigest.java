package io.lrsweep.job.analysis;

import io.lrsweep.core.train.TrialStatus;
import io.lrsweep.job.run.TrialRow;
import io.lrsweep.job.table.CurvePoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the analysis takes from {@code curves/}, gathered in one pass over its rows: per trial, the
 * net before any update (epoch 0), its best val_accuracy and the first epoch whose val_accuracy
 * reaches the target (both over epochs 1.., NaN values skipped), its values at the epoch budgets
 * ({@link #budgets()}: what the transfer analysis reads as "had training stopped here"); and for the few settings a figure
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
        /** loss, accuracy, val_loss, val_accuracy at each budget epoch (NaN where the curve has no such epoch). */
        double[] atBudget;

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

        /** {loss, accuracy, val_loss, val_accuracy} at budget {@code b} (an index into {@link #budgets()}), null without that epoch. */
        public double[] atBudget(int b) {
            if (atBudget == null || Double.isNaN(atBudget[4 * b]) && Double.isNaN(atBudget[4 * b + 2])) {
                return null;
            }
            return Arrays.copyOfRange(atBudget, 4 * b, 4 * b + 4);
        }
    }

    private final Map<String, PerTrial> trials = new HashMap<>();
    private final Map<Setting, EpochSeries> series = new HashMap<>();
    private final List<Integer> budgets;
    private final Map<Integer, Integer> budgetIndex = new HashMap<>();

    private CurveDigest(List<Integer> budgets) {
        this.budgets = budgets;
        for (int i = 0; i < budgets.size(); i++) {
            budgetIndex.put(budgets.get(i), i);
        }
    }

    /**
     * The epochs at which every trial's values are kept: 1, 2, 4, ... below the longest run's epochs,
     * and that last epoch (log-spaced, so a trial keeps about log2(epochs) of them).
     */
    static List<Integer> budgets(int epochs) {
        List<Integer> out = new ArrayList<>();
        for (int e = 1; e < epochs; e *= 2) {
            out.add(e);
        }
        if (epochs >= 1) {
            out.add(epochs);
        }
        return List.copyOf(out);
    }

    /** Whether some trial's curve has a row at a budget epoch (none without curves/). */
    public boolean hasBudgetReadings() {
        return trials.values().stream().anyMatch(t -> t.atBudget != null);
    }

    /** The budget epochs, ascending. */
    public List<Integer> budgets() {
        return budgets;
    }

    /**
     * @param rows   calls its argument with every curve row (e.g. {@code p -> CurvesTable.read(dir, p)})
     * @param shown  the settings whose epochs the figures draw
     */
    public static CurveDigest of(java.util.function.Consumer<java.util.function.Consumer<CurvePoint>> rows,
                                 Map<String, TrialRow> trials, Set<Setting> shown, double targetAccuracy) {
        CurveDigest d = new CurveDigest(budgets(trials.values().stream().mapToInt(TrialRow::epochs).max().orElse(0)));
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
            Integer b = d.budgetIndex.get(p.epoch());
            if (b != null) {
                if (t.atBudget == null) {
                    t.atBudget = new double[4 * d.budgets.size()];
                    Arrays.fill(t.atBudget, Double.NaN);
                }
                t.atBudget[4 * b] = p.loss();
                t.atBudget[4 * b + 1] = p.accuracy();
                t.atBudget[4 * b + 2] = p.valLoss();
                t.atBudget[4 * b + 3] = p.valAccuracy();
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
