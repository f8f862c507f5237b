package io.lrsweep.job.run;

/**
 * What a run did: the output directory and trial counts (the answer itself is the analysis's, which
 * the report states).
 */
public record RunSummary(String out, int totalTrials, int resumed, int ran, int ok, int diverged, int saturated,
                         int stalled, int failed) {
}
