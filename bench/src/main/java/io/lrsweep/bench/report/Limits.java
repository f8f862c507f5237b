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
        m.line("- **Per-trial speed (PyTorch ratio, fraction of peak).** The reference shape is tiny: 2 inputs, 3 "
                + "outputs. Three things bound a trial. (1) The softmax: 3 exp and 1 log per row, 200,000 rows per trial, "
                + "computed by fdlibm in Java one value at a time (a vector exp would change the bits). (2) The 3-output "
                + "layer's sums over the 50 hidden units: chains of dependent adds, four rows at a time in registers; "
                + "Java 17's C2 cannot keep vector accumulators across a loop, and more scalar chains spill. (3) Short "
                + "loops (50 wide), `Math.max`/`Math.min` (blend sequences in C2's vector code) and the per-batch copies "
                + "of each model's weights into row arrays. What would close it: the Vector API (incubating in Java 17: "
                + "every JVM that trains would need `--add-modules jdk.incubator.vector`) for register-blocked products "
                + "(a prototype of the 3-output layer was 1.7x faster); and a cheaper exp/log. The latter changes every "
                + "trial's bits, so it would have to come with a new trial-id version (resumed sweeps find old trials by "
                + "id and must not mix kernels).");
        m.line("- **Many trials per pass.** Only the first layer, whose input the models share, becomes one wider layer; "
                + "the rest (3-output layer forward and gradient, the hidden delta, the softmax with its exp/log) is the "
                + "same work per model as alone, and it is most of the time. Running models side by side would pay off "
                + "with the models as vector lanes for every layer, which C2 cannot do (it needs a broadcast or a "
                + "register accumulator across an outer loop); with the Vector API and a lane-parallel fdlibm (the same "
                + "bits per lane) it can. The fused path stays, bit-identical and tested: it gives a runner one Spark "
                + "task per group instead of per trial.");
        m.line("- **Sweep overhead and flat time per trial.** A run has a fixed cost of seconds (each wave is a Spark "
                + "job of trial tasks followed by two Parquet writes and a commit; the run starts with a resume scan and "
                + "ends with the best-setting query), spread over few trials in small sweeps. The full-grid check also "
                + "needs both cores to itself: the cores-busy figure in section 6 shows how much of them the trials got "
                + "on this shared machine. What would close it lies in the runner (sweep-job): overlap a wave's Parquet "
                + "commit with the next wave's training, and batch small sweeps into one wave.");
        m.line();
    }
}
