package io.lrsweep.job.report;

import io.lrsweep.job.analysis.AnalysisOptions;
import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.analysis.PairedComparison;
import io.lrsweep.job.analysis.SeedInterval;

/** The "Definitions" section: every statistic of the page with its formula and the constants used. */
final class Definitions {
    private Definitions() {}

    /** @param o the analysis's options, or null when the page shows only a range test */
    static void write(Html h, AnalysisOptions o, boolean lrFind) {
        h.h2("Definitions", "definitions");
        h.raw("<ul>\n");
        if (o != null) {
            String metric = o.metric().name();
            item(h, "<b>Outcome classes</b> (<code>trials/status</code>): <code>ok</code> (finite, final val_loss below "
                    + "the initial one, or frozen with every training row right), <code>diverged</code> (a non-finite loss "
                    + "or weight), <code>saturated</code> (the net stopped moving, no gradient passing and every weight "
                    + "unchanged over an epoch, with training rows still wrong), <code>stalled</code> (finite and moving, "
                    + "but the final val_loss not below the initial one), <code>failed</code> (the trial's code threw).");
            item(h, "<b>Statistics over seeds</b> use the trials that finished (ok, stalled, saturated: their losses are "
                    + "real, and bad); diverged and failed trials are counted, never averaged. Only a setting whose every "
                    + "seed ended ok can be best, tied, in a basin or stable.");
            item(h, "<b>The metric</b> is the final " + metric + " (" + (o.metric().lowerIsBetter() ? "lower" : "higher")
                    + " is better). Its <b>cost</b>, which the U-curve, basin, fit and LR sensitivity read, is the loss, "
                    + "or for an accuracy the error rate 1 &minus; accuracy.");
            item(h, "<b>95% interval of a mean</b>: the percentile bootstrap over seeds (" + "2000 resamples, fixed random "
                    + "seed): it stays within the seeds' range, so never below 0 for a loss. None with fewer than "
                    + SeedInterval.MIN_SEEDS + " seeds; with 3 it is their range.");
            item(h, "<b>Ties</b>: a setting against the best, seed by seed (the same seed shares initial weights and "
                    + "batch order): the mean of d<sub>s</sub> = ln cost(setting, s) &minus; ln cost(best, s) with Student's "
                    + "t interval, mean &plusmn; t<sub>0.975, n&minus;1</sub> &middot; sd / &radic;n, shown as a ratio of "
                    + "costs. When it holds 0 (a ratio of 1) the two are <i>indistinguishable</i>. On the log scale because "
                    + "seeds scale losses; where a cost is 0 the test is on the differences. No test with fewer than "
                    + PairedComparison.MIN_SEEDS + " seeds.");
            item(h, "<b>Profile</b> of an axis: each of its values at its own best setting of the other axes "
                    + "(<code>sensitivity/</code> rows with <code>slice = profile</code>; the chosen learning rate in "
                    + "<code>profile_learning_rate</code>).");
            item(h, "<b>Epochs to target</b>: the first epoch whose val_accuracy is at least "
                    + HtmlReport.pct(o.targetAccuracy()) + ", over the finished seeds that reached it.");
            item(h, "<b>Best lr</b> of a setup: the lowest mean cost among its learning rates whose every seed ended ok. "
                    + "<b>95% bootstrap</b>: " + o.bootstrapResamples() + " resamples of the seeds (random seed "
                    + o.bootstrapSeed() + "); in each, the lr with the lowest mean over the drawn seeds wins (one where a "
                    + "drawn seed did not end ok cannot); the interval holds the 2.5% to 97.5% quantiles of the winners, the "
                    + "support is the share won by the best lr.");
            item(h, "<b>Basin</b>: the learning rates, contiguous around the best and all ok, whose mean cost is at most "
                    + "best &times; (1 + " + Labels.sig(o.basinTolerance(), 3) + ").");
            item(h, "<b>Stable up to</b> (<code>largest_stable_lr</code>): going up from the best lr, the last learning "
                    + "rate before one where some seed did not end ok; the class those trials mostly ended in is named.");
            item(h, "<b>Useful region</b>: the learning rates, contiguous around the best and all ok, whose mean final "
                    + "val_accuracy gains at least " + Labels.sig(o.usefulFraction(), 3) + " of the best lr's gain over "
                    + "the untrained net's.");
            item(h, "<b>Quadratic fit</b>: least squares of the mean cost = a x&sup2; + b x + c with x = log10(lr), over "
                    + "the all-ok learning rates within " + Labels.sig(o.fitHalfWidth(), 3) + " decade(s) of the best (at "
                    + "least its neighbours). lr* = 10<sup>&minus;b/2a</sup>, reported when a &gt; 0 and the vertex lies "
                    + "within the fitted learning rates; the curvature is 2a (of the metric), per decade&sup2;.");
            item(h, "<b>At init</b>: the net before its first update (epoch 0 of <code>curves/</code>), as each trial "
                    + "recorded it.");
            item(h, "<b>LR sensitivity</b> (Wortsman et al. 2023): with m(&eta;) = mean over seeds of min(cost(&eta;, s), "
                    + "cost<sub>0</sub>(s)), a diverged or failed trial counting as cost<sub>0</sub>(s), LR sensitivity = "
                    + "mean over the swept &eta; of m(&eta;) &minus; min over &eta; of m(&eta;). Lower is more forgiving; "
                    + "it compares setups swept over the same learning rates.");
            item(h, "<b>Edges</b>: a best lr at the smallest or largest swept, or a basin reaching it, is warned about "
                    + "at the top with the learning rates to add (continuing the grid's spacing).");
        }
        if (lrFind) {
            item(h, "<b>Range test</b> (Smith 2017): one run per seed in which the lr grows geometrically each update, "
                    + "recording the exponentially smoothed training loss; it stops when that loss exceeds a multiple of its "
                    + "best. Suggestion: the lr of steepest descent before the minimum; the median over the seeds. Beside a "
                    + "grid setup, each seed's suggestion is given in decades from the grid's best lr, log10(suggestion / "
                    + "grid best); within " + Labels.sig(RangeTestSection.AGREES, 2) + " decade it agrees; \"inside the "
                    + "basin\" only where the grid's own loss is within the basin tolerance of its best.");
        }
        h.raw("</ul>\n");
    }

    private static void item(Html h, String html) {
        h.raw("<li>" + html + "</li>\n");
    }
}
