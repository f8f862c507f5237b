package io.lrsweep.job.analysis;

import io.lrsweep.core.train.TrialStatus;
import io.lrsweep.job.run.TrialRow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A grid setting's trials, one per seed, and what ranking needs of them: the metric's cost per seed
 * of every finished trial ({@link Outcome}), its mean, and the trials' outcome classes.
 */
public final class SettingTrials {
    private final Setting setting;
    private final TreeMap<Long, TrialRow> bySeed = new TreeMap<>();
    private final Map<TrialStatus, Integer> counts = new EnumMap<>(TrialStatus.class);
    private final TreeMap<Long, Double> costs = new TreeMap<>();
    private double meanCost = Double.NaN;

    private SettingTrials(Setting setting) {
        this.setting = setting;
    }

    /** The trials grouped by setting, settings in their first trial's order. */
    public static List<SettingTrials> group(List<TrialRow> trials, Metric metric) {
        Map<Setting, SettingTrials> out = new LinkedHashMap<>();
        for (TrialRow t : trials) {
            SettingTrials s = out.computeIfAbsent(Setting.of(t), SettingTrials::new);
            TrialRow twin = s.bySeed.put(t.seed(), t);
            if (twin != null) {
                throw new IllegalArgumentException("trials/ holds two trials of " + s.setting.describe(SettingAxes.ALL)
                        + " with seed " + t.seed() + " (ids " + twin.trialId() + " and " + t.trialId() + "): they differ in "
                        + "something that is not a grid axis (data, model, training), so they come from two grids; "
                        + "analyse one grid at a time (its sweep.json names its trials)");
            }
            TrialStatus status = Outcome.of(t.status());
            s.counts.merge(status, 1, Integer::sum);
            Double v = metric.finalValue(t);
            if (Outcome.finished(status) && v != null && !Double.isNaN(v)) {
                s.costs.put(t.seed(), metric.cost(v));
            }
        }
        for (SettingTrials s : out.values()) {
            s.meanCost = s.costs.isEmpty() ? Double.NaN
                    : s.costs.values().stream().mapToDouble(Double::doubleValue).sum() / s.costs.size();
        }
        return new ArrayList<>(out.values());
    }

    public Setting setting() {
        return setting;
    }

    public Map<Long, TrialRow> bySeed() {
        return Collections.unmodifiableMap(bySeed);
    }

    public int trials() {
        return bySeed.size();
    }

    public int count(TrialStatus s) {
        return counts.getOrDefault(s, 0);
    }

    /** Every seed ended ok: the setting can be recommended. */
    public boolean recommendable() {
        return count(TrialStatus.OK) == trials() && trials() > 0;
    }

    /** Cost per seed of the finished trials. */
    public Map<Long, Double> costs() {
        return Collections.unmodifiableMap(costs);
    }

    /** Mean cost over the finished trials, NaN when none finished. */
    public double meanCost() {
        return meanCost;
    }

    /** The outcome class most of the trials that did not end ok share (the more severe on a tie), or null. */
    public TrialStatus mainFailure() {
        TrialStatus main = null;
        for (TrialStatus s : new TrialStatus[]{TrialStatus.DIVERGED, TrialStatus.FAILED, TrialStatus.SATURATED,
                TrialStatus.STALLED}) {
            if (count(s) > 0 && (main == null || count(s) > count(main))) {
                main = s;
            }
        }
        return main;
    }

    /** Recommendable settings first, then by mean cost (no finished trial last): the rank order. */
    public static int compare(SettingTrials a, SettingTrials b) {
        if (a.recommendable() != b.recommendable()) {
            return a.recommendable() ? -1 : 1;
        }
        boolean an = Double.isNaN(a.meanCost);
        boolean bn = Double.isNaN(b.meanCost);
        if (an || bn) {
            return an == bn ? 0 : an ? 1 : -1;
        }
        return Double.compare(a.meanCost, b.meanCost);
    }
}
