package io.lrsweep.bench.report;

import io.lrsweep.bench.report.Results.Jmh;

/** Section 4: what the kernel does for speed, with the measurements that decided it. */
final class KernelNotes {
    private KernelNotes() {}

    static void write(Markdown m, Results r) {
        m.line("`core/.../model`: `FusedMlp` is the kernel (one model or several), `DenseLoops` and `GradientLoops` its "
                + "loops, `WeightRows` the weights as the loops read them, `ColumnEval` the validation pass, `SoftmaxLoss` "
                + "the output layer, `Fdlibm` exp and log; `Mlp` is the one-model face with Keras's parameter layout. "
                + "The trial's bits did not change: the kernel adds every sum in the order the "
                + "old one did (`MlpReferenceTest` holds it to the old code, bit for bit, on random shapes), and every "
                + "core test, `ReferenceStudyTest` included, passes unchanged. One deliberate exception: relu of a NaN is "
                + "now NaN (TensorFlow's), where it was 0; it only concerns epochs that already hold non-finite values.");
        m.line();
        m.line("- **Transcendentals.** On Java 17 `StrictMath.exp`/`log` are JNI calls into the JDK's C fdlibm; the "
                + "kernel makes three per row, 600,000 per trial. `Fdlibm` is fdlibm 5.3's `e_exp.c`/`e_log.c` in plain "
                + "Java, bit for bit the same results (`FdlibmTest`: millions of arguments, every binade, the branch "
                + "boundaries), inlined by the JIT. `Math.exp` would be faster still but is an intrinsic whose bits may "
                + "differ between JVMs and CPUs, which a trial must not.");
        Jmh se = r.jmh("TranscendentalBenchmark.strictExp");
        Jmh fe = r.jmh("TranscendentalBenchmark.fdlibmExp");
        Jmh sl = r.jmh("TranscendentalBenchmark.strictLog");
        Jmh fl = r.jmh("TranscendentalBenchmark.fdlibmLog");
        if (se != null && fe != null && sl != null && fl != null) {
            m.line("  Measured (JMH `TranscendentalBenchmark`, ns per call): exp " + Markdown.f(se.median(), 1) + " -> "
                    + Markdown.f(fe.median(), 1) + ", log " + Markdown.f(sl.median(), 1) + " -> " + Markdown.f(fl.median(), 1) + ".");
        }
        m.line("- **Loop shapes the JIT vectorises.** Java 17's C2 turns an innermost loop into AVX2 instructions "
                + "when it runs along a contiguous axis with no reduction in it; so activations are batch-major with one "
                + "array per row, and every loop runs along the wide axis: the first layer's forward pass and its kernel "
                + "and bias gradients along the 50 hidden units, the output kernel's gradient and the hidden delta along "
                + "the hidden units of the transposed kernel. The one reduction left, the 3 outputs summed over 50 "
                + "inputs, keeps four rows' sums in registers. Relu is `max(z, 0)` fused into the forward pass, its "
                + "derivative a branch-free `ceil(min(y, 1))`; a branch there mispredicts on half the units.");
        m.line("- **Validation with the rows as the vector axis.** The per-epoch validation pass needs no gradient, "
                + "so `ColumnEval` keeps activations unit by unit over chunks of 128 rows: every layer, the 3-output one "
                + "included, is then a long vectorised loop over rows, with the same sums in the same order.");
        m.line("- **Many models as vector lanes.** `LaneMlp` (one hidden layer, 2 to 16 models of one fusion group) "
                + "stores every parameter, activation and gradient as 4, 8 or 16 consecutive doubles, one per model, so "
                + "each step is a vector instruction for 4 models; running sums along the hidden units and the batch stay "
                + "in registers, four chains at a time. It uses Java 17's incubating Vector API (C2 leaves loops of 8 or "
                + "16 scalar: measured 3x slower than one model alone), only when the JVM has the module; lanewise IEEE "
                + "add and multiply in the same order as `FusedMlp`, never a fused multiply-add, so every lane holds the "
                + "bits its model gets alone (`LaneMlpTest`: random shapes, activations, partial batches, inactive "
                + "models, overflow and NaN). Found while measuring: an integer `%` per vector (20 cycles) and a vector "
                + "merged from two branches (boxed by C2) each cost more than the arithmetic.");
        m.line("- **Fused forward/backward per batch**, no allocation and no boxing in the loop: every buffer is "
                + "allocated when the trainer starts.");
        Jmh alloc = r.secondary("TrialBenchmark.trial", "setup", "sgd", "gc.alloc.rate.norm");
        if (alloc != null) {
            m.line("  Allocation per whole trial (JMH gc profiler): " + Markdown.f(alloc.median() / 1024, 0)
                    + " KiB, i.e. the buffers, the 200 epoch records and the result, nothing per batch.");
        }
        m.line("- **What C2 punishes** (found while measuring, kept out of the kernel): a hot loop sharing a method with "
                + "other loop nests (even ones that never run) was left scalar, so each loop nest sits in a small method "
                + "behind a small dispatcher; more than four register accumulators spill and run slower; a loop's "
                + "vectorised code is planned from its profiled trip count, so the 3-wide and the 50-wide bias "
                + "gradients have separate loops; read-modify-write passes are cut by adding four batch rows per pass.");
        m.line();
        m.line("### Breeze against hand-written loops");
        m.line();
        Jmh hand = r.jmh("BreezeBenchmark.handWritten");
        Jmh breeze = r.jmh("BreezeBenchmark.breeze");
        if (hand == null || breeze == null) {
            m.line("Not measured.");
            m.line();
            return;
        }
        m.line("JMH `BreezeBenchmark`: one training batch of the reference shape (32 rows, 2-50-3: forward pass, "
                + "softmax, clipped loss, all gradients). Breeze's `DenseMatrix` products (Breeze 2.1.0 from Spark; they call "
                + "BLAS `dgemm` through dev.ludovic.netlib, here `" + (r.blas == null ? "?" : r.blas) + "`) with the "
                + "elementwise parts as loops, against the hand-written kernel.");
        m.line();
        m.line("| | ns / batch |");
        m.line("|---|---:|");
        m.line("| hand-written (`Mlp.forwardBackward`) | " + Markdown.f(hand.median(), 0) + " |");
        m.line("| Breeze products | " + Markdown.f(breeze.median(), 0) + " |");
        m.line();
        m.line("Finding: Breeze is " + Markdown.f(breeze.median() / hand.median(), 1) + "x the time of the hand-written "
                + "loops for this shape. The matrices are tiny (the largest product is 32x50 by 50x3), so a product's "
                + "cost is its call: argument checks, a new result matrix per product, and a general BLAS routine "
                + "that cannot know the shapes. Decision: keep the hand-written loops; they also fix the order of "
                + "every sum, which a trial's bit-for-bit reproducibility needs and a BLAS (whose blocking may change "
                + "with the implementation picked at run time) does not promise.");
        m.line();
    }
}
