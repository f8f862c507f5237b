package io.lrsweep.job.analysis;

import io.lrsweep.core.train.TrialStatus;

import java.util.List;

/**
 * One row of {@code ucurve/}: a setup (every setting but the learning rate) read along
 * log10(lr), on the analysis's metric. Learning rates are plain values, not logs; values are null
 * where the reading does not exist (no lr ended ok on every seed, no initial loss, no convex fit).
 * See {@link UCurveFit} for every definition.
 *
 * @param setup         the setup's settings as written (the axes that vary in the sweep)
 * @param counts        trials by outcome class over the setup's lrs
 * @param bestValue     the metric's mean at the best lr (its own units)
 * @param tiedLrs       the other lrs the paired test cannot tell from the best (null without a test)
 * @param largestStableLr the largest lr up to which, from the best lr, every seed of every lr ended ok
 * @param unstableAbove the outcome class the trials of the next lr above it mostly ended in
 * @param bestEdge      {@code smallest} or {@code largest} when the best lr is at the grid's edge
 * @param basinEdge     {@code smallest}, {@code largest} or {@code both} when the basin reaches it
 */
public record UCurveSummary(Setting setting, String setup, String metric, List<Double> lrs, int seeds,
                            StatusCounts counts,
                            Double bestLr, Double bestValue, Double bestFinalValLoss, Double bestBestValLoss,
                            Double bestLrLow, Double bestLrHigh, Double bestLrSupport, int bootstrapResamples,
                            List<Double> tiedLrs,
                            double basinTolerance, Double basinLrMin, Double basinLrMax, Double basinDecades,
                            Double largestStableLr, TrialStatus unstableAbove,
                            double usefulFraction, Double usefulLrMin, Double usefulLrMax,
                            String fitStatus, int fitPoints, Double fitLr, Double fitValue, Double fitCurvature,
                            Double initValLoss, Double initValAccuracy, Double initValue, Double lrSensitivity,
                            String bestEdge, String basinEdge) {

    /** Trials by outcome class. */
    public record StatusCounts(int trials, int ok, int diverged, int saturated, int stalled, int failed) {}
}
