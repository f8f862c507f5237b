package io.lrsweep.bench.report;

/**
 * What limits each target this implementation misses and what would close it: the analysis
 * behind the numbers, written once here, printed after the target table.
 */
final class Limits {
    private Limits() {}

    static void write(Markdown m) {
        m.line("## What limits the missed targets of issue 6, and what would close them");
        m.line();
        m.line("Written for the engine of issue 6 (`Trainer`, `FusedTrainer`, `FusedMlp`, `LaneMlp`); the shape matrix "
                + "measures whatever engine `io.lrsweep.bench.Engine` calls.");
        m.line();
        m.line("- **Per-trial speed (PyTorch ratio, fraction of peak).** These targets are for one trial alone, "
                + "which runs the plain-Java kernel (`FusedMlp` with one model); its loops are what C2 vectorises by "
                + "itself. The reference shape is tiny: 2 inputs, 3 outputs. Three things bound it. (1) The softmax: 3 "
                + "exp and 1 log per row, 200,000 rows per trial, fdlibm one value at a time. (2) The 3-output layer's "
                + "sums over the 50 hidden units: chains of dependent scalar adds, four rows at a time in registers "
                + "(C2 cannot keep vector accumulators across a loop; more scalar chains spill). (3) Short loops (50 "
                + "wide) and the per-batch copies of the weights into row arrays. In a sweep a trial runs fused with "
                + "its siblings instead (section 5), which is faster. What would close it for a lone trial: the same "
                + "Vector API means as `LaneMlp` with the batch rows as lanes, for the output layer and for the softmax "
                + "(`LaneMath` gives fdlibm's exact bits per lane); only the gradient sums over the batch must stay in "
                + "row order.");
        m.line("- **Many trials per pass.** `LaneMlp` runs every layer with the models as vector lanes and "
                + "`LaneMath` the softmax's exp and log over lanes (4.4 and 4.0 ns a value against fdlibm's 6.5 and 8.9; "
                + "every branch of fdlibm is computed and blended, so it does more arithmetic per value). Measured per "
                + "part on a batch of 8 models (µs, all 8): gather 3.3, first layer 3.8, output layer 6.6, softmax "
                + "about 8, output gradients 7.1, hidden delta 8.5, first gradients 4.1, scatter 2.9. What limits it: "
                + "(1) Java 17's Vector API checks the bounds of every vector load and store, and on AVX2 a blend or "
                + "mask costs two micro-ops; (2) the copies of each model's flat parameters into the lanes and of the "
                + "gradients back, every batch (~12%), because the optimizers step each model's flat array; (3) the "
                + "validation pass, as long as the training pass, is forward only and cannot share its work. What "
                + "would close it: optimizers that step the lane layout in place (no copies), and a newer JDK whose "
                + "Vector API hoists bounds checks.");
        m.line("- **Sweep overhead and flat time per trial.** The runner now sends each group of fusable trials (up to "
                + "16) to an executor as one task, one Parquet file of curves per group instead of per trial. What is "
                + "left is a fixed cost per run of about a second or two (each wave is a Spark job that trains and writes the curves, "
                + "then a write of its summaries, a count and a rename commit; the run starts with a resume scan and "
                + "ends with the best-setting query): it is most of a 16-trial sweep and nothing of a 4096-trial one, so the time "
                + "per trial cannot be flat from 16 trials up. What would close it: overlap a wave's commit with the next "
                + "wave's training and write the summaries from the driver (they are small).");
        m.line();
    }
}
