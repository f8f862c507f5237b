package io.lrsweep.bench.report;

import io.lrsweep.bench.report.Results.Jmh;

/** Section 4: what the engine does for speed, with the measurements that decided it. */
final class KernelNotes {
    private KernelNotes() {}

    static void write(Markdown m, Results r) {
        m.line("`core/.../model` (issue 10): `Network` is the layout (one flat array per group of trials: every layer's "
                + "kernel and bias, each width padded to a multiple of 8), `Kernel` runs a batch through it, `Ops` is the "
                + "arithmetic with two implementations: `PlainOps`, the definition (one value at a time, every sum's order "
                + "written down: 8 partials, partial j taking the terms whose index is j mod 8, added as a fixed tree; "
                + "never a fused multiply-add), and `VectorOps`, the same operations in the same order on Java 17's "
                + "Vector API at the preferred width. Results are the same bits alone or in any group, on AVX-512, AVX2, "
                + "without the module and across partitioning (`KernelBitsTest`, `EngineBitsTest` in CI, with child JVMs "
                + "at `-XX:UseAVX=2` and `-XX:UseAVX=0`).");
        m.line();
        m.line("- **Feature sums along the independent axis** (`RowTimesMatrix`): a layer stored by input computes "
                + "`out[c] = tree_k(s_k * M[k][c])` with 8 vector accumulators, one per partial, over a vector of output "
                + "columns; three batch rows at a time, so that each loaded vector of M serves three sums (the 24 "
                + "partials in two passes of 12: a method with all 24 leaves C2 out of registers and, in some runs, out "
                + "of inlining budget). Inputs of 1 to 4 features have code of their own: the tree of one to four "
                + "partials is a short expression, so 2 inputs do not cost 8.");
        m.line("- **Dots along the summed axis** (`DotRows`): the output layer (few classes) as dot products whose 8 "
                + "lanes are the 8 partials; on AVX-512, two batch rows against four weight rows at a time.");
        m.line("- **Gradients over the real rows only**: padded columns are written +0, not computed; kernel gradients "
                + "two kernel rows by four vectors, input-side deltas four rows by two vectors.");
        m.line("- **Elementary functions defined by IEEE operation sequences** (`Elementary`, `ElementaryLanes`): exp, "
                + "expm1, log, tanh and sigmoid as exact sequences of adds, multiplies and divisions (no `Math.exp`, "
                + "whose bits are the JVM's and CPU's choice; no `StrictMath`, a JNI call per value on Java 17), the "
                + "same bits scalar or on any vector width, accuracy-tested against 40-digit references; applied to a "
                + "whole buffer in passes of their own (`ElementaryPasses`).");
        Jmh se = r.jmh("ElementaryBenchmark.strictExp");
        Jmh ve = r.jmh("ElementaryBenchmark.vectorExp");
        Jmh sl = r.jmh("ElementaryBenchmark.strictLog");
        Jmh vl = r.jmh("ElementaryBenchmark.vectorLog");
        Jmh st = r.jmh("ElementaryBenchmark.strictTanh");
        Jmh vt = r.jmh("ElementaryBenchmark.vectorTanh");
        if (se != null && ve != null && sl != null && vl != null) {
            m.line("  Measured (JMH `ElementaryBenchmark`, ns per value, StrictMath -> ours on vectors): exp "
                    + Markdown.f(se.median(), 2) + " -> " + Markdown.f(ve.median(), 2) + ", log " + Markdown.f(sl.median(), 2)
                    + " -> " + Markdown.f(vl.median(), 2) + (st != null && vt != null ? ", tanh " + Markdown.f(st.median(), 2)
                    + " -> " + Markdown.f(vt.median(), 2) : "") + ".");
        }
        m.line("- **One engine, no copies**: a lone trial is a group of one; parameters, gradients, optimizer slots and "
                + "learning-rate state stay in the engine's layout for the whole run and the optimizers step them in place "
                + "(the old lane kernel copied them in and out every batch, ~12% of its time).");
        Jmh alloc = r.secondary("TrialBenchmark.trial", "setup", "sgd", "gc.alloc.rate.norm");
        if (alloc != null) {
            m.line("  Allocation per whole trial (JMH gc profiler): " + Markdown.f(alloc.median() / 1024, 0)
                    + " KiB: the buffers, the epoch records and the result, nothing per batch.");
        }
        m.line("- **What Java 17's C2 needs** (found while measuring): every vector in a local variable (an array of "
                + "vectors is allocated); no vector passed to or returned from a method that might not be inlined; no "
                + "vector merged from two branches; few Vector API calls per compiled method. A Vector API call C2 does "
                + "not intrinsify runs its Java fallback and allocates, 10x slower. On SSE (2 doubles per vector) the "
                + "engine runs the plain path, which is faster there.");
        m.line("- **A JIT cliff, and the flag that removes it**: with the JVM's defaults, in about one JVM in four "
                + "(most with `-XX:-TieredCompilation`; JDK 25 too) C2 compiles kernel methods without their Vector API "
                + "intrinsics and that JVM trains 3-10x slower for its whole life (same bits). Cause, from "
                + "`-XX:+LogCompilation`: C2 sums the class-check traps recorded in a method and in every method it "
                + "inlines; the Vector API's shared methods (`VectorOperators.opKind`, `lanewiseTemplate`) collect "
                + "such traps while a run warms up, and a kernel method inlines them dozens of times, so the sum passes "
                + "`PerMethodTrapLimit` (100). C2 then compiles the vector receivers' type checks as virtual calls, the "
                + "species are no longer constants, and the intrinsics fail (`-XX:+PrintIntrinsics`: `missing "
                + "constant: vclass=DecodeN`). `-XX:PerMethodTrapLimit=10000` (conf/jvm-flags, the tests' flags, the "
                + "executors' default options) removed it in every JVM we started, tiered or not.");
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
                + "elementwise parts as loops, against the engine's `Kernel.trainStep`.");
        m.line();
        m.line("| | ns / batch |");
        m.line("|---|---:|");
        m.line("| the engine (`Kernel.trainStep`) | " + Markdown.f(hand.median(), 0) + " |");
        m.line("| Breeze products | " + Markdown.f(breeze.median(), 0) + " |");
        m.line();
        m.line("Finding: Breeze is " + Markdown.f(breeze.median() / hand.median(), 1) + "x the time of the engine "
                + "for this shape. The matrices are tiny (the largest product is 32x50 by 50x3), so a product's "
                + "cost is its call: argument checks, a new result matrix per product, and a general BLAS routine "
                + "that cannot know the shapes. The engine also fixes the order of every sum, which a trial's "
                + "bit-for-bit reproducibility needs and a BLAS (whose blocking may change with the implementation "
                + "picked at run time) does not promise.");
        m.line();
    }
}
