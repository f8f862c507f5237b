package io.lrsweep.job.analysis;

import io.lrsweep.job.run.TrialRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the trials alone tell (no curve is read for it): the grid's settings with their seeds, the
 * axes that vary and their slices, the best setting and how every other setting compares with it.
 * The report picks the settings its figures draw from this, then reads the curves once.
 *
 * @param best    the recommendable setting (every seed ok) with the lowest mean cost, or null
 * @param vsBest  every other setting against the best, ranked (empty without a best)
 */
public record Ranking(AnalysisOptions options, List<TrialRow> trials, List<SettingTrials> settings,
                      List<SettingAxis> varying, List<SliceRow> slices, SettingTrials best, List<Compared> vsBest) {

    /** A setting and its paired comparison with the best. */
    public record Compared(SettingTrials setting, PairedComparison comparison) {}

    public static Ranking of(List<TrialRow> trials, AnalysisOptions options) {
        List<SettingTrials> settings = SettingTrials.group(trials, options.metric());
        List<SettingTrials> ranked = new ArrayList<>(settings);
        ranked.sort(SettingTrials::compare);
        SettingTrials best = !ranked.isEmpty() && ranked.get(0).recommendable() ? ranked.get(0) : null;
        List<Compared> vs = new ArrayList<>();
        if (best != null) {
            for (SettingTrials s : ranked) {
                if (s != best) {
                    vs.add(new Compared(s, s.recommendable() ? PairedComparison.of(s.costs(), best.costs())
                            : PairedComparison.notOk()));
                }
            }
        }
        return new Ranking(options, List.copyOf(trials), settings, AxisSlices.varying(settings), AxisSlices.of(settings),
                best, vs);
    }

    public Metric metric() {
        return options.metric();
    }

    /** The settings the paired test cannot tell from the best. */
    public List<SettingTrials> tiedWithBest() {
        return vsBest.stream().filter(c -> Boolean.TRUE.equals(c.comparison().indistinguishable()))
                .map(Compared::setting).toList();
    }

    /** Whether there were seeds enough to test for ties with the best. */
    public boolean tiesTested() {
        return best != null && best.costs().size() >= PairedComparison.MIN_SEEDS;
    }

    /** The setups along the learning rate: every setting but the lr, in first-seen order. */
    public Map<List<Object>, List<SettingTrials>> setups() {
        Map<List<Object>, List<SettingTrials>> out = new LinkedHashMap<>();
        for (SettingTrials s : settings) {
            out.computeIfAbsent(s.setting().without(List.of(SettingAxes.LEARNING_RATE)), k -> new ArrayList<>()).add(s);
        }
        return out;
    }

    /** A setup as written: its optimizer and the other axes that vary (the lr left out). */
    public String describeSetup(Setting s) {
        List<SettingAxis> shown = new ArrayList<>();
        shown.add(SettingAxes.OPTIMIZER);
        varying.stream().filter(a -> a != SettingAxes.LEARNING_RATE && a != SettingAxes.OPTIMIZER).forEach(shown::add);
        return s.describe(shown);
    }

    /** A setting as written: its optimizer, its learning rate and the other axes that vary. */
    public String describe(Setting s) {
        return s.describe(named());
    }

    /** A setting as said: {@code sgd, lr 0.01, momentum 0.9}. */
    public String spoken(Setting s) {
        return s.spoken(named());
    }

    private List<SettingAxis> named() {
        List<SettingAxis> shown = new ArrayList<>(List.of(SettingAxes.OPTIMIZER, SettingAxes.LEARNING_RATE));
        varying.stream().filter(a -> !shown.contains(a)).forEach(shown::add);
        return shown;
    }
}
