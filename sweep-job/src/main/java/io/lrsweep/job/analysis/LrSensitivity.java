package io.lrsweep.job.analysis;

/**
 * The LR sensitivity of Wortsman et al. 2023 ("Small-scale proxies for large-scale Transformer
 * training instabilities", section 3.2): how much final loss one gives up, on average over a
 * log-uniform sweep of learning rates, against the best of the sweep, with every run capped at the
 * loss of the untrained model so that a divergent run counts as "learned nothing" rather than
 * infinity. Read on the metric's cost ({@link Metric}): the loss, or the error rate.
 *
 * <p>With seeds s, swept learning rates eta_1..eta_K (our grid; log-spaced in every reference
 * sweep, so the mean over grid points is the log-uniform expectation), L(eta, s) the final cost of
 * the trial (+infinity if it diverged or failed) and L0(s) the cost of seed s's initial weights:
 * <pre>
 *   m(eta)         = mean over seeds s of min(L(eta, s), L0(s))
 *   LR sensitivity = (1/K) sum_k m(eta_k)  -  min_k m(eta_k)
 * </pre>
 * Averaging over seeds before taking the minimum follows the paper's use of one curve per setup;
 * using min_k m(eta_k) as "the best final loss" keeps the statistic >= 0. Lower is more forgiving.
 */
final class LrSensitivity {
    private LrSensitivity() {}

    /** The statistic, or NaN when some seed's initial cost is unknown or fewer than two lrs were swept. */
    static double of(LrCurve curve) {
        if (!curve.initialKnown() || curve.size() < 2) {
            return Double.NaN;
        }
        double sum = 0.0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < curve.size(); i++) {
            double m = capped(curve, i);
            sum += m;
            min = Math.min(min, m);
        }
        return sum / curve.size() - min;
    }

    /** m(eta_i): the seed mean of min(final cost, initial cost), unfinished trials counted at their initial cost. */
    static double capped(LrCurve curve, int i) {
        double s = 0.0;
        int n = 0;
        for (var e : curve.costs.get(i).entrySet()) {
            s += Math.min(e.getValue(), curve.initialCost.get(e.getKey()));
            n++;
        }
        for (long seed : curve.unfinished.get(i)) {
            s += curve.initialCost.get(seed);
            n++;
        }
        return s / n;
    }
}
