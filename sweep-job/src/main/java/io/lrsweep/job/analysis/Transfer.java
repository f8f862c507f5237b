package io.lrsweep.job.analysis;

import io.lrsweep.core.train.TrialStatus;
import io.lrsweep.job.run.TrialRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the best learning rate moves along the sweep's numeric axes (issue 13, "transfer"): for each
 * {@link TransferAxis} with at least two values in a setup, the best lr at each value (with its seed
 * bootstrap, {@link SeedBootstrap}) and the power law fitted through them ({@link TransferFit}). A
 * setup is every setting but the lr and the axis (a width is compared at one depth, a depth at one
 * width). The epoch budget reads the curves' values at {@link CurveDigest#budgets()} as if training
 * had stopped there: a trial that diverged later counts as ok at that epoch, one that had diverged by
 * then as diverged, a saturated one as saturated from its frozen epoch on.
 */
public final class Transfer {
    private Transfer() {}

    public static List<TransferFit> of(Ranking ranking, CurveDigest digest) {
        AnalysisOptions o = ranking.options();
        List<TransferFit> out = new ArrayList<>();
        for (TransferAxis axis : TransferAxis.values()) {
            List<SettingTrials> settings = axis == TransferAxis.EPOCHS ? null : ranking.settings();
            Map<List<Object>, TreeMap<Double, List<SettingTrials>>> groups = new LinkedHashMap<>();
            if (axis == TransferAxis.EPOCHS) {
                if (!digest.hasBudgetReadings()) {
                    continue;
                }
                List<Integer> budgets = digest.budgets();
                for (int b = 0; b < budgets.size(); b++) {
                    List<TrialRow> rows = new ArrayList<>();
                    for (TrialRow t : ranking.trials()) {
                        rows.add(atBudget(t, budgets.get(b), digest.trial(t.trialId()).atBudget(b)));
                    }
                    for (SettingTrials s : SettingTrials.group(rows, o.metric())) {
                        groups.computeIfAbsent(s.setting().without(axis.leftOut()), k -> new TreeMap<>())
                                .computeIfAbsent((double) budgets.get(b), k -> new ArrayList<>()).add(s);
                    }
                }
            } else {
                for (SettingTrials s : settings) {
                    TrialRow any = s.bySeed().values().iterator().next();
                    Double v = axis.value.apply(any);
                    if (v == null) {
                        continue;
                    }
                    List<Object> key = new ArrayList<>(s.setting().without(axis.leftOut()));
                    key.addAll(axis.extraKey.apply(any));
                    groups.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(v, k -> new ArrayList<>()).add(s);
                }
            }
            for (TreeMap<Double, List<SettingTrials>> group : groups.values()) {
                if (group.size() < 2) {
                    continue;
                }
                List<TransferPoint> points = new ArrayList<>();
                for (Map.Entry<Double, List<SettingTrials>> e : group.entrySet()) {
                    TransferPoint p = point(axis, e.getKey(), e.getValue(), ranking, digest, o);
                    if (p != null) {
                        points.add(p);
                    }
                }
                if (points.size() >= 2) {
                    out.add(fit(axis, points));
                }
            }
        }
        return out;
    }

    /** The trial as if stopped after epoch {@code epoch} ({@code v}: its values there, null when its curve has no such row). */
    static TrialRow atBudget(TrialRow t, int epoch, double[] v) {
        TrialStatus status = Outcome.of(t.status());
        if (status == TrialStatus.FAILED || epoch > t.epochs()) {
            return t.atEpoch(epoch, TrialStatus.FAILED.label, null, null, null, null);
        }
        if (v == null) {
            // No row at that epoch: a diverged curve had stopped by then; a frozen one repeats its end; any
            // other trial has no reading there (no curve rows), and counts as failed rather than as its end.
            if (status == TrialStatus.DIVERGED) {
                return t.atEpoch(epoch, status.label, null, null, Double.NaN, Double.NaN);
            }
            if (status == TrialStatus.SATURATED && t.frozenEpoch() != null && epoch >= t.frozenEpoch()) {
                return t.atEpoch(epoch, status.label, t.finalLoss(), t.finalAccuracy(), t.finalValLoss(), t.finalValAccuracy());
            }
            return t.atEpoch(epoch, TrialStatus.FAILED.label, null, null, null, null);
        }
        boolean finite = Double.isFinite(v[0]) && Double.isFinite(v[2]);
        TrialStatus at;
        if (!finite) {
            at = TrialStatus.DIVERGED;
        } else if (status == TrialStatus.SATURATED) {
            at = t.frozenEpoch() != null && epoch >= t.frozenEpoch() ? TrialStatus.SATURATED : TrialStatus.OK;
        } else if (status == TrialStatus.STALLED) {
            at = TrialStatus.STALLED;
        } else {
            at = TrialStatus.OK;
        }
        return t.atEpoch(epoch, at.label, v[0], v[1], v[2], v[3]);
    }

    private static TransferPoint point(TransferAxis axis, double value, List<SettingTrials> alongLr, Ranking ranking,
                                       CurveDigest digest, AnalysisOptions o) {
        Metric metric = o.metric();
        LrCurve c = new LrCurve(alongLr, SetupValues.initialCosts(alongLr, metric, digest));
        if (c.size() < 2) {
            return null;
        }
        int best = c.best();
        int[] winners = SeedBootstrap.winners(c, o.bootstrapResamples(), o.bootstrapSeed());
        SeedBootstrap boot = best < 0 ? null : SeedBootstrap.of(c, best, o.bootstrapResamples(), o.bootstrapSeed());
        double[] values = new double[c.size()];
        boolean[] eligible = new boolean[c.size()];
        for (int i = 0; i < c.size(); i++) {
            values[i] = Double.isNaN(c.meanCost[i]) ? Double.NaN : metric.value(c.meanCost[i]);
            eligible[i] = c.eligible(i);
        }
        Setting setting = c.settings.get(Math.max(best, 0)).setting();
        List<SettingAxis> shown = new ArrayList<>();
        shown.add(SettingAxes.OPTIMIZER);
        ranking.varying().stream().filter(a -> !axis.leftOut().contains(a) && a != SettingAxes.OPTIMIZER).forEach(shown::add);
        String setup = setting.describe(shown);
        TrialRow any = alongLr.get(0).bySeed().values().iterator().next();
        if (axis == TransferAxis.WIDTH) {
            setup += " depth=" + any.hiddenLayers();
        } else if (axis == TransferAxis.DEPTH) {
            setup += " width=" + (any.hiddenWidth() == null ? "mixed" : any.hiddenWidth());
        }
        String edge = best < 0 ? null : best == 0 ? "smallest" : best == c.size() - 1 ? "largest" : null;
        return new TransferPoint(axis, setting, setup.strip(), value, axis.fitX.applyAsDouble(value), c.lrs, values, eligible,
                c.seeds.length, best < 0 ? null : c.lrs[best], boot == null ? null : nan(boot.low()),
                boot == null ? null : nan(boot.high()), boot == null ? null : boot.support(),
                best < 0 ? null : values[best], edge, LrSensitivity.of(c), winners);
    }

    /** The fit through the points' best lrs, and its exponent refitted on every bootstrap resample. */
    static TransferFit fit(TransferAxis axis, List<TransferPoint> points) {
        int n = points.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = points.get(i).fitX();
            y[i] = points.get(i).bestLr() == null ? Double.NaN : points.get(i).bestLr();
        }
        PowerLawFit fit = PowerLawFit.of(x, y);
        Double low = null;
        Double high = null;
        if (fit != null) {
            int resamples = points.get(0).winners().length;
            double[] slopes = new double[resamples];
            int valid = 0;
            double[] yr = new double[n];
            for (int r = 0; r < resamples; r++) {
                for (int i = 0; i < n; i++) {
                    TransferPoint p = points.get(i);
                    int w = r < p.winners().length ? p.winners()[r] : -1;
                    yr[i] = w < 0 ? Double.NaN : p.lrs()[w];
                }
                PowerLawFit f = PowerLawFit.of(x, yr);
                if (f != null) {
                    slopes[valid++] = f.exponent();
                }
            }
            if (valid > 0) {
                double[] sorted = Arrays.copyOf(slopes, valid);
                Arrays.sort(sorted);
                low = SeedBootstrap.lowQuantile(sorted);
                high = SeedBootstrap.highQuantile(sorted);
            }
        }
        return new TransferFit(axis, points.get(0).setup(), List.copyOf(points), fit, low, high);
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
