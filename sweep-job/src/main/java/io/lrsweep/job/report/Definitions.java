package io.lrsweep.job.report;

import io.lrsweep.job.analysis.AnalysisOptions;
import io.lrsweep.job.analysis.Labels;

/** The "Definitions" section: every statistic of the page with its formula and the constants used. */
final class Definitions {
    private Definitions() {}

    static void write(Html h, AnalysisOptions o, boolean lrFind) {
        h.h2("Definitions", "definitions");
        h.raw("<ul>\n");
        item(h, "<b>Statistics over seeds</b> use only the trials that ended <code>ok</code>. Diverged (NaN/Inf loss or "
                + "weights) and failed trials are counted and shown, never averaged in. The 95% interval of a mean over n ok "
                + "seeds is mean &plusmn; t<sub>0.975, n&minus;1</sub> &middot; sd / &radic;n (sample sd; none for n &lt; 2).");
        item(h, "<b>Epochs to target</b>: the first epoch whose val_accuracy is at least " + HtmlReport.pct(o.targetAccuracy())
                + "; averaged over the ok seeds that reached it (their count is shown).");
        item(h, "<b>Rank</b> (sensitivity/): within a setup of the other settings, by mean final val_loss, settings with a "
                + "diverged or failed seed after all others.");
        item(h, "<b>Best lr</b> of a setup: the lowest mean final val_loss among the learning rates where no seed diverged. "
                + "<b>95% bootstrap</b>: " + o.bootstrapResamples() + " resamples of the seeds with replacement (random seed "
                + o.bootstrapSeed() + "); in each, the lr with the lowest mean over the drawn seeds wins (an lr where a drawn "
                + "seed diverged cannot); the interval is the 2.5% and 97.5% quantiles of the winners, the support the share "
                + "of resamples won by the best lr.");
        item(h, "<b>Basin</b>: the learning rates, contiguous around the best and free of divergence, whose mean final "
                + "val_loss is at most best &times; (1 + " + Labels.sig(o.basinTolerance(), 3) + ").");
        item(h, "<b>Largest never-diverged lr</b>: the largest swept lr at which no seed diverged or failed.");
        item(h, "<b>Useful region</b> (where the model learns): the learning rates, contiguous around the best and free "
                + "of divergence, whose mean final val_accuracy gains at least " + Labels.sig(o.usefulFraction(), 3)
                + " of the best lr's gain over the untrained model: acc(lr) &minus; acc<sub>0</sub> &ge; "
                + Labels.sig(o.usefulFraction(), 3) + " &middot; (acc(best) &minus; acc<sub>0</sub>), acc<sub>0</sub> the "
                + "val_accuracy of the initial weights (mean over seeds). Accuracy rather than loss: the initial loss "
                + "depends on the scale of the inputs.");
        item(h, "<b>Quadratic fit</b>: least squares (Breeze) of mean final val_loss = a x&sup2; + b x + c with "
                + "x = log10(lr), over the divergence-free learning rates within " + Labels.sig(o.fitHalfWidth(), 3)
                + " decade(s) of the best (at least its neighbours). lr* = 10<sup>&minus;b/2a</sup>, reported when a &gt; 0 "
                + "and the vertex lies within the fitted learning rates; the curvature is 2a, in loss per decade&sup2;.");
        item(h, "<b>Loss at initialisation</b> L<sub>0</sub>(s) (and acc<sub>0</sub>(s)): the val_loss (val_accuracy) of "
                + "seed s's initial weights, the model before its first update built exactly as the trainer builds it, "
                + "computed on the executors. Within a sweep the model is fixed, so it depends on the seed only.");
        item(h, "<b>LR sensitivity</b> (Wortsman et al. 2023, &ldquo;Small-scale proxies for large-scale Transformer "
                + "training instabilities&rdquo;): with m(&eta;) = mean over seeds s of min(L(&eta;, s), L<sub>0</sub>(s)), "
                + "a diverged trial counting as L<sub>0</sub>(s), LR sensitivity = mean over the swept &eta; of m(&eta;) "
                + "&minus; min over &eta; of m(&eta;). The swept learning rates stand for the log-uniform range (they are "
                + "log-spaced in the reference sweeps). Lower means more forgiving; the number compares setups swept over "
                + "the same learning rates.");
        if (lrFind) {
            item(h, "<b>Range test</b> (Smith 2017): one run per seed in which the lr grows geometrically each update, "
                    + "recording the exponentially smoothed training loss; it stops when that loss exceeds a multiple of its "
                    + "best. Suggestion: the lr of steepest descent of the smoothed loss against log10(lr), before its "
                    + "minimum; the median over the seeds (one seed's noisy curve can read decades away). Decades apart: log10(suggestion / grid best lr).");
        }
        h.raw("</ul>\n");
    }

    private static void item(Html h, String html) {
        h.raw("<li>" + html + "</li>\n");
    }
}
