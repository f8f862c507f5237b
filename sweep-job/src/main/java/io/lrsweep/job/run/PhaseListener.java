package io.lrsweep.job.run;

/**
 * Told when a command enters a phase that takes a while and has no counts of its own (the analysis,
 * the figures, the report): the console shows it as a line with the time it has taken so far, so
 * that nothing looks stuck. Called on the command's thread.
 */
@FunctionalInterface
public interface PhaseListener {

    PhaseListener NONE = description -> { };

    /** The phase now under way, e.g. "analysing 24 trials" or "drawing 5 figures". */
    void phase(String description);
}
