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
        m.line("- **Many trials per pass.** `LaneMlp` runs every layer with the models as vector lanes (Vector API), "
                + "and measured per part on one batch of 8 models it is 1.4x the per-model speed of training alone; "
                + "what it leaves is per lane and scalar. (1) The softmax with its 3 exp and 1 log per row, fdlibm one lane "
                + "at a time: about 40% of a lane batch and half of the validation pass. (2) The copies of each model's "
                + "flat parameters into the lanes and of the gradients out, every batch (~12%), because the optimizers "
                + "step each model's flat array. (3) Java 17's Vector API checks the bounds of every vector load. What "
                + "would close it: an fdlibm exp/log over vector lanes (the same integer and IEEE steps per lane, so the "
                + "same bits, held to `Fdlibm` by the existing exhaustive tests), and optimizers that step the lane layout "
                + "in place.");
        m.line("- **Sweep overhead and flat time per trial.** The runner now sends each group of fusable trials (up to "
                + "16) to an executor as one task, one Parquet file of curves per group instead of per trial. What is "
                + "left is a fixed cost per run of about a second or two (each wave is a Spark job followed by a write of "
                + "its summaries, a count read back and a rename commit; the run starts with a resume scan and ends with "
                + "the best-setting query): it is most of a 16-trial sweep and nothing of a 4096-trial one, so the time "
                + "per trial cannot be flat from 16 trials up. What would close it: overlap a wave's commit with the next "
                + "wave's training, and count statuses from the staged rows instead of a read-back job.");
        m.line();
    }
}
