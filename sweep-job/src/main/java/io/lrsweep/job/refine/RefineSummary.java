package io.lrsweep.job.refine;

import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.analysis.RefinementPlanner;

/**
 * What a refinement did.
 *
 * @param spec    the sweep with its refined grid, as sweep.json now records it
 * @param ran     rounds run by this invocation
 * @param reused  trials finished before this invocation (found by id, never rerun)
 * @param trained trials trained by this invocation
 * @param last    the plan after the last round: per setup, its bracket and whether it is done
 * @param stopped why refinement stopped, in words
 */
public record RefineSummary(SweepSpec spec, int ran, int reused, int trained, RefinementPlanner.Plan last, String stopped) {
}
