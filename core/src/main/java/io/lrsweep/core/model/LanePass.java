package io.lrsweep.core.model;

/**
 * A pass of vector work over some arrays, run through {@link #run(LanePass, Object, int)}: one call
 * site that sees every pass class, which Java 17's C2 therefore never inlines (a megamorphic
 * call). So each pass is compiled on its own. Why it matters: C2 stops inlining a method's calls
 * once its parse has made ~18,000 nodes, each Vector API call costs hundreds, and a Vector API
 * call C2 did not inline allocates its vectors on the heap; passes inlined into one another would
 * cross that budget.
 *
 * @param <T> what the pass works on
 */
@FunctionalInterface
interface LanePass<T> {
    void apply(T work, int index);

    /** Runs {@code pass} on {@code work}: the one call site of every pass. */
    static <T> void run(LanePass<T> pass, T work, int index) {
        pass.apply(work, index);
    }
}
