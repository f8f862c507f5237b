package io.lrsweep.bench.report;

/**
 * What limits each target this implementation misses and what would close it: the analysis
 * behind the numbers, written once here, printed after the target table.
 */
final class Limits {
    private Limits() {}

    static void write(Markdown m) {
        m.line("## What limits the missed targets, and what would close them");
        m.line();
        m.line("Written for the engine of issue 10 (`Engine`, `Kernel`, `VectorOps`); the tables measure whatever engine "
                + "`io.lrsweep.bench.Engine` calls.");
        m.line();
        m.line("- **Fraction of the FMA peak.** The engine never uses a fused multiply-add: a trial's bits must not "
                + "depend on the CPU, and `PlainOps` (the definition, and the path without the Vector API) cannot "
                + "fuse. Multiplies and adds then share the two FMA ports, so the ceiling is the mul+add peak, half "
                + "the FMA peak; a 25% target is half of that ceiling. Below it: the sums are 8 partials added as a "
                + "fixed tree per output (not one long FMA chain), the batch is 32 rows (a layer's product is 32 x "
                + "in x out, a few microseconds), softmax, loss and exp/log run per row, and the epoch's validation "
                + "pass and optimizer step are not counted as FLOPs. What would close part of it: an opt-in FMA "
                + "arithmetic (a second definition, its own trial-id version) and batch-level blocking for wide layers.");
        m.line("- **The reference shape (2-[50]-3) against PyTorch.** Its layers are tiny: 2 inputs and 3 classes "
                + "padded to 8 do the work of 8, and most of a batch's time is fixed cost per layer and per row "
                + "(softmax with exp and log, loss, the per-epoch validation pass and records). A group of 8 trials "
                + "shares the batch order but runs its trials' layers one after another, so per trial it costs about "
                + "what a lone trial does. What would close it: the trials of a group as vector lanes for layers "
                + "narrower than a vector (the old lane kernel's idea, in the engine's layout).");
        m.line("- **JIT variance.** Without `-XX:PerMethodTrapLimit=10000` (section 4) a JVM can run the kernel several "
                + "times slower for its whole life; a user's own JVM (embedding core as a library) needs the flag too.");
        m.line();
    }
}
