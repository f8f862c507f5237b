package io.lrsweep.job.analysis;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Reads one optimizer/setup's U-curve: final val_loss (mean over seeds whose trial ended ok)
 * against log10(learning rate).
 * <ul>
 *   <li><b>best lr</b>: the lowest mean final val_loss among the lrs where no seed diverged or
 *       failed; its interval is the seed bootstrap's ({@link SeedBootstrap}).</li>
 *   <li><b>basin</b>: the lrs, contiguous around the best and all free of divergence, whose mean
 *       final val_loss is at most {@code best * (1 + tolerance)}.</li>
 *   <li><b>largest never-diverged lr</b>: the largest swept lr at which no seed diverged or
 *       failed.</li>
 *   <li><b>useful region</b>: the lrs, contiguous around the best and free of divergence, that
 *       learn: their mean final val_accuracy gains at least {@code usefulFraction} of the best lr's
 *       gain over the untrained model's val_accuracy (needs the initial model). Accuracy, not loss,
 *       because the initial loss depends on the scale of the inputs (4.5 on the unscaled blobs)
 *       while "it learns" is about what the model gets right.</li>
 *   <li><b>quadratic fit</b> ({@link QuadraticFit}) of mean final val_loss in x = log10(lr) over
 *       the divergence-free lrs within {@code fitHalfWidth} decades of the best (at least its
 *       neighbours): the vertex is the interpolated optimum, reported only when the parabola opens
 *       upwards and its vertex lies inside the fitted lrs; the curvature {@code d^2 loss / dx^2}
 *       is per decade squared.</li>
 *   <li><b>LR sensitivity</b> ({@link LrSensitivity}).</li>
 * </ul>
 */
final class UCurveFit {
    private UCurveFit() {}

    /** The summary of a setup's trials, or null when it swept fewer than two learning rates. */
    static UCurveSummary summarize(Setting setup, List<LrCurve.Point> points, AnalysisOptions o) {
        LrCurve c = LrCurve.of(points);
        if (c.size() < 2) {
            return null;
        }
        int trials = 0;
        int bad = 0;
        for (int i = 0; i < c.size(); i++) {
            trials += c.trials(i);
            bad += c.bad.get(i).size();
        }
        int diverged = (int) points.stream().filter(p -> "diverged".equals(p.status())).count();
        Double maxStable = null;
        for (int i = c.size() - 1; i >= 0 && maxStable == null; i--) {
            if (c.eligible(i)) {
                maxStable = c.lrs[i];
            }
        }
        double initMean = c.initKnown() ? c.meanInit() : Double.NaN;
        double sensitivity = LrSensitivity.of(c);
        String label = setup.describeWithout(Axis.LEARNING_RATE);
        int best = c.best();
        if (best < 0) {
            return new UCurveSummary(setup.optimizer(), setup.momentum(), setup.decay(), setup.patience(), label,
                    c.size(), c.seeds.length, trials, diverged, bad - diverged,
                    null, null, null, null, null, null, o.bootstrapResamples(),
                    o.basinTolerance(), null, null, null, maxStable,
                    o.usefulFraction(), null, null,
                    "no learning rate ended ok on every seed", 0, null, null, null,
                    nan(initMean), c.initKnown() ? c.meanInitAccuracy() : null, nan(sensitivity));
        }
        SeedBootstrap boot = SeedBootstrap.of(c, best, o.bootstrapResamples(), o.bootstrapSeed());
        double limit = c.meanFinal[best] * (1.0 + o.basinTolerance());
        int[] basin = region(c, best, i -> c.meanFinal[i] <= limit);
        int[] useful = null;
        double initAccuracy = c.initKnown() ? c.meanInitAccuracy() : Double.NaN;
        if (c.meanAccuracy[best] - initAccuracy > 0.0) {
            double need = initAccuracy + o.usefulFraction() * (c.meanAccuracy[best] - initAccuracy);
            useful = region(c, best, i -> c.meanAccuracy[i] >= need);
        }
        Fit fit = fit(c, best, o.fitHalfWidth());
        return new UCurveSummary(setup.optimizer(), setup.momentum(), setup.decay(), setup.patience(), label,
                c.size(), c.seeds.length, trials, diverged, bad - diverged,
                c.lrs[best], c.meanFinal[best], nan(c.meanBest[best]),
                nan(boot.low()), nan(boot.high()), boot.support(), boot.resamples(),
                o.basinTolerance(), c.lrs[basin[0]], c.lrs[basin[1]], Math.log10(c.lrs[basin[1]] / c.lrs[basin[0]]),
                maxStable,
                o.usefulFraction(), useful == null ? null : c.lrs[useful[0]], useful == null ? null : c.lrs[useful[1]],
                fit.status, fit.points, fit.lr, fit.loss, fit.curvature,
                nan(initMean), nan(initAccuracy), nan(sensitivity));
    }

    /** The widest run of divergence-free lrs around {@code best} that all satisfy {@code keep}: {from, to}. */
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

    private record Fit(String status, int points, Double lr, Double loss, Double curvature) {}

    private static Fit fit(LrCurve c, int best, double halfWidth) {
        double xBest = Math.log10(c.lrs[best]);
        int[] run = region(c, best, i -> true);
        int lo = best;
        int hi = best;
        // Take the divergence-free neighbours within the half-width, and at least one on each side.
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
            return new Fit("too few divergence-free learning rates around the best (" + n + ")", n, null, null, null);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.log10(c.lrs[lo + i]);
            y[i] = c.meanFinal[lo + i];
        }
        QuadraticFit q = QuadraticFit.of(x, y, xBest);
        boolean edge = best == 0 || best == c.size() - 1;
        if (!(q.a() > 0.0)) {
            return new Fit("not convex around the best", n, null, null, q.curvature());
        }
        if (q.vertexX() < x[0] || q.vertexX() > x[n - 1]) {
            return new Fit(edge ? "minimum at the edge of the grid: vertex outside the fitted range"
                    : "vertex outside the fitted range", n, null, null, q.curvature());
        }
        return new Fit(edge ? "ok (minimum at the edge of the grid)" : "ok", n,
                Math.pow(10.0, q.vertexX()), q.vertexY(), q.curvature());
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
