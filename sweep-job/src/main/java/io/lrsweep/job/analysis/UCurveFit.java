package io.lrsweep.job.analysis;

import io.lrsweep.core.train.TrialStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Reads one setup's U-curve: the metric's mean cost over finished seeds ({@link Metric},
 * {@link Outcome}) against log10(learning rate).
 * <ul>
 *   <li><b>best lr</b>: the lowest mean cost among the lrs where every seed ended ok; its interval
 *       is the seed bootstrap's ({@link SeedBootstrap}); the lrs the paired test cannot tell from it
 *       are its ties ({@link PairedComparison}).</li>
 *   <li><b>basin</b>: the lrs, contiguous around the best and all ok, whose mean cost is at most
 *       {@code best * (1 + tolerance)}.</li>
 *   <li><b>largest stable lr</b>: going up from the best lr, the last lr before one where some seed
 *       did not end ok; the class those trials mostly ended in is named.</li>
 *   <li><b>useful region</b>: the lrs, contiguous around the best and all ok, whose mean final
 *       val_accuracy gains at least {@code usefulFraction} of the best lr's gain over the untrained
 *       model's.</li>
 *   <li><b>quadratic fit</b> ({@link QuadraticFit}) of the mean cost in x = log10(lr) over the all-ok
 *       lrs within {@code fitHalfWidth} decades of the best (at least its neighbours); reported when
 *       the parabola opens upwards with its vertex inside the fitted lrs.</li>
 *   <li><b>LR sensitivity</b> ({@link LrSensitivity}).</li>
 *   <li><b>edges</b>: whether the best lr, or the basin, reaches the smallest or largest swept lr.</li>
 * </ul>
 */
final class UCurveFit {
    private UCurveFit() {}

    /** The summary, or null when the setup swept fewer than two learning rates. */
    static UCurveSummary summarize(String setup, LrCurve c, SetupValues v, Metric metric, AnalysisOptions o) {
        if (c.size() < 2) {
            return null;
        }
        int best = c.best();
        UCurveSummary.StatusCounts counts = counts(c);
        double sensitivity = LrSensitivity.of(c);
        List<Double> lrs = new ArrayList<>();
        for (double lr : c.lrs) {
            lrs.add(lr);
        }
        Double initValue = c.initialKnown() ? metric.value(LrCurve.mean(c.initialCost.values())) : null;
        if (best < 0) {
            return new UCurveSummary(c.settings.get(0).setting(), setup, metric.name(), lrs, c.seeds.length, counts,
                    null, null, null, null, null, null, null, o.bootstrapResamples(), null,
                    o.basinTolerance(), null, null, null, null, null,
                    o.usefulFraction(), null, null,
                    "no learning rate ended ok on every seed", 0, null, null, null,
                    v.initValLoss(), v.initValAccuracy(), initValue, nan(sensitivity), null, null);
        }
        SeedBootstrap boot = SeedBootstrap.of(c, best, o.bootstrapResamples(), o.bootstrapSeed());
        double limit = c.meanCost[best] * (1.0 + o.basinTolerance());
        int[] basin = region(c, best, i -> c.meanCost[i] <= limit);
        int[] useful = null;
        Double initAccuracy = v.initValAccuracy();
        double bestAccuracy = v.meanValAccuracy(best);
        if (initAccuracy != null && bestAccuracy - initAccuracy > 0.0) {
            double need = initAccuracy + o.usefulFraction() * (bestAccuracy - initAccuracy);
            useful = region(c, best, i -> v.meanValAccuracy(i) >= need);
        }
        int stable = best;
        while (stable + 1 < c.size() && c.eligible(stable + 1)) {
            stable++;
        }
        TrialStatus above = stable + 1 < c.size() ? c.settings.get(stable + 1).mainFailure() : null;
        Fit fit = fit(c, best, o.fitHalfWidth(), metric);
        return new UCurveSummary(c.settings.get(0).setting(), setup, metric.name(), lrs, c.seeds.length, counts,
                c.lrs[best], metric.value(c.meanCost[best]), nan(v.meanFinalValLoss(best)), nan(v.meanBestValLoss(best)),
                nan(boot.low()), nan(boot.high()), boot.support(), boot.resamples(), ties(c, best),
                o.basinTolerance(), c.lrs[basin[0]], c.lrs[basin[1]], Math.log10(c.lrs[basin[1]] / c.lrs[basin[0]]),
                c.lrs[stable], above,
                o.usefulFraction(), useful == null ? null : c.lrs[useful[0]], useful == null ? null : c.lrs[useful[1]],
                fit.status, fit.points, fit.lr, fit.value, fit.curvature,
                v.initValLoss(), initAccuracy, initValue, nan(sensitivity),
                edge(best == 0, best == c.size() - 1), edge(basin[0] == 0, basin[1] == c.size() - 1));
    }

    private static UCurveSummary.StatusCounts counts(LrCurve c) {
        int[] n = new int[TrialStatus.values().length];
        int trials = 0;
        for (SettingTrials s : c.settings) {
            for (TrialStatus st : TrialStatus.values()) {
                n[st.ordinal()] += s.count(st);
            }
            trials += s.trials();
        }
        return new UCurveSummary.StatusCounts(trials, n[TrialStatus.OK.ordinal()], n[TrialStatus.DIVERGED.ordinal()],
                n[TrialStatus.SATURATED.ordinal()], n[TrialStatus.STALLED.ordinal()], n[TrialStatus.FAILED.ordinal()]);
    }

    /** The other eligible lrs the paired test cannot tell from the best; null when no test could be made. */
    private static List<Double> ties(LrCurve c, int best) {
        List<Double> tied = new ArrayList<>();
        boolean tested = false;
        for (int i = 0; i < c.size(); i++) {
            if (i == best || !c.eligible(i)) {
                continue;
            }
            PairedComparison p = PairedComparison.of(c.costs.get(i), c.costs.get(best));
            if (p.indistinguishable() != null) {
                tested = true;
                if (p.indistinguishable()) {
                    tied.add(c.lrs[i]);
                }
            }
        }
        return tested || c.costs.get(best).size() >= PairedComparison.MIN_SEEDS ? tied : null;
    }

    private static String edge(boolean smallest, boolean largest) {
        return smallest && largest ? "both" : smallest ? "smallest" : largest ? "largest" : null;
    }

    /** The widest run of eligible lrs around {@code best} that all satisfy {@code keep}: {from, to}. */
    private static int[] region(LrCurve c, int best, IntPredicate keep) {
        int lo = best;
        while (lo - 1 >= 0 && c.eligible(lo - 1) && keep.test(lo - 1)) {
            lo--;
        }
        int hi = best;
        while (hi + 1 < c.size() && c.eligible(hi + 1) && keep.test(hi + 1)) {
            hi++;
        }
        return new int[]{lo, hi};
    }

    private record Fit(String status, int points, Double lr, Double value, Double curvature) {}

    private static Fit fit(LrCurve c, int best, double halfWidth, Metric metric) {
        double xBest = Math.log10(c.lrs[best]);
        int[] run = region(c, best, i -> true);
        int lo = best;
        int hi = best;
        // Take the all-ok neighbours within the half-width, and at least one on each side.
        while (lo - 1 >= run[0] && (lo == best || xBest - Math.log10(c.lrs[lo - 1]) <= halfWidth + 1e-9)) {
            lo--;
        }
        while (hi + 1 <= run[1] && (hi == best || Math.log10(c.lrs[hi + 1]) - xBest <= halfWidth + 1e-9)) {
            hi++;
        }
        // At a grid edge the window extends to the other side only, to keep three points.
        while (hi - lo + 1 < 3 && (lo > run[0] || hi < run[1])) {
            if (hi < run[1]) {
                hi++;
            } else {
                lo--;
            }
        }
        int n = hi - lo + 1;
        if (n < 3) {
            return new Fit("too few all-ok learning rates around the best (" + n + ")", n, null, null, null);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.log10(c.lrs[lo + i]);
            y[i] = c.meanCost[lo + i];
        }
        QuadraticFit q = QuadraticFit.of(x, y, xBest);
        boolean edge = best == 0 || best == c.size() - 1;
        double curvature = metric.lowerIsBetter() ? q.curvature() : -q.curvature();
        if (!(q.a() > 0.0)) {
            return new Fit("not convex around the best", n, null, null, curvature);
        }
        if (q.vertexX() < x[0] || q.vertexX() > x[n - 1]) {
            return new Fit(edge ? "minimum at the edge of the grid: vertex outside the fitted range"
                    : "vertex outside the fitted range", n, null, null, curvature);
        }
        return new Fit(edge ? "ok (minimum at the edge of the grid)" : "ok", n,
                Math.pow(10.0, q.vertexX()), metric.value(q.vertexY()), curvature);
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
