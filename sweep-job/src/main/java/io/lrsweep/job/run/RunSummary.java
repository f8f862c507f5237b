package io.lrsweep.job.run;

/**
 * What a run did: the output directory and trial counts of the grid as it stands (the answer itself
 * is the analysis's, which the report states).
 *
 * @param totalTrials the grid's trials
 * @param resumed     of them, finished before this run and kept
 * @param ran         of them, run now ({@code ok + diverged + saturated + stalled + failed})
 * @param setAside    trials in the directory that are not of the grid as it stands (kept, not counted)
 * @param analysis    what the analysis and report are to read: verified files and the grid
 */
public record RunSummary(String out, int totalTrials, int resumed, int ran, int ok, int diverged, int saturated,
                         int stalled, int failed, int setAside, AnalysisInput analysis) {
}
