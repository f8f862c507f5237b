package io.lrsweep.job.run;

/**
 * What a run did: the output directory, trial counts of the grid as it stands, and the best setting
 * by mean final val_loss over its seeds (null when no setting ended ok on every seed).
 *
 * @param totalTrials the grid's trials
 * @param resumed     of them, finished before this run and kept
 * @param ran         of them, run now ({@code ok + diverged + saturated + stalled + failed})
 * @param setAside    trials in the directory that are not of the grid as it stands (kept, not counted)
 * @param analysis    what the analysis and report are to read: verified files and the grid
 */
public record RunSummary(String out, int totalTrials, int resumed, int ran, int ok, int diverged, int saturated,
                         int stalled, int failed, BestSetting best, int setAside, AnalysisInput analysis) {

    /** One setting of the grid (all seeds), ranked by the mean of its trials' final val_loss. */
    public record BestSetting(String optimizer, double learningRate, Double momentum, double decay, Integer patience,
                              int seeds, double meanFinalValLoss, double meanFinalValAccuracy) {}
}
