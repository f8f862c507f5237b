/**
 * The network and its arithmetic, defined once. Every value a trial records is a function of its
 * settings, seed and data only, never of the CPU, its vector width, the Vector API being present,
 * the group a trial trains in or the Spark partitioning, because every value below is computed
 * by one fixed sequence of IEEE-754 double operations, which {@link io.lrsweep.core.model.PlainOps}
 * spells out one value at a time and {@link io.lrsweep.core.model.VectorOps} repeats, several
 * independent values per instruction. Tests hold them bit for bit ({@code KernelBitsTest}) across
 * JVMs forced to AVX2, SSE and no Vector API ({@code EngineAcrossJvmsTest}).
 *
 * <h2>The rules</h2>
 * <ol>
 * <li><b>No fused multiply-add.</b> Every product is rounded to double, then added. (Java's
 *     {@code Math.fma} is exact everywhere, but without FMA hardware, or with {@code -XX:UseAVX=0},
 *     it is a software routine about a thousand times slower; so the definition avoids it.)</li>
 * <li><b>A feature sum</b> (a pre-activation's sum over the layer's inputs; a back-propagated
 *     delta's sum over the layer's outputs) of terms {@code t_0 .. t_(K-1)} is computed as 8
 *     partial sums: partial {@code j} is {@code (((+0 + t_j) + t_(j+8)) + t_(j+16)) + ...}, the
 *     terms whose index is {@code j mod 8} in increasing order; the result is
 *     {@code ((p0 + p4) + (p2 + p6)) + ((p1 + p5) + (p3 + p7))}. This one order lets a vector of 8,
 *     4 or 2 lanes hold the partials (the lanes of a chunk of 8 consecutive terms are the 8
 *     partials), and lets 8 vector accumulators run along an independent axis instead; both give
 *     these bits. A pre-activation is then {@code sum + bias}.</li>
 * <li><b>A batch sum</b> (a weight's or a bias's gradient over the batch rows; a loss summed over
 *     rows) is sequential in row order from +0: {@code ((+0 + t_0) + t_1) + ...}.</li>
 * <li><b>The layout</b> ({@link io.lrsweep.core.model.Network}) pads every width to a multiple of 8
 *     with +0 and stores a layer's kernel either by input or by output. The padding is inert: a
 *     feature sum runs over the real width (a vector that also takes padded terms adds products of
 *     +0, which change no partial, a partial never being -0); padded activations and deltas are
 *     +0 after each is computed; a padded weight's gradient is +0, so padded weights stay +0.</li>
 * <li><b>Per row</b>: hidden activations {@code relu(z) = max(z, 0)} (Java's {@code Math.max}: NaN
 *     stays NaN), {@code tanh}, {@code sigmoid(z) = 1 / (exp(-z) + 1)}; derivatives from the
 *     output {@code y}: relu {@code y > 0 ? 1 : 0}, tanh {@code 1 - y*y}, sigmoid {@code y*(1 - y)},
 *     multiplied into the delta. The softmax over the classes (in class order): {@code m = max z},
 *     {@code e_c = exp(z_c - m)}, {@code s = ((+0 + e_0) + e_1) + ...}, {@code p_c = e_c / s}; the
 *     prediction is the first class of largest {@code p}. Keras's clipped loss:
 *     {@code -log(min(max(p_label, 1e-7), 1 - 1e-7))}, with delta {@code (p_c - y_c) * (1 / rows)}
 *     when {@code 1e-7 <= p_label <= 1 - 1e-7}, else +0; the logits' loss:
 *     {@code log(s) - (z_label - m)} with delta {@code (p_c - y_c) * (1 / rows)}.</li>
 * <li><b>exp, log, tanh</b> are this package's own ({@link io.lrsweep.core.model.Elementary}, with
 *     its exact constants and polynomial), built from the operations above, min/max, comparisons
 *     and exact bit manipulation, so that a vector lane and a scalar give the same bits; they are
 *     accurate to a few ulp of the true functions.</li>
 * <li><b>Norms</b> ({@code grad_norm}, {@code weight_norm}): {@code sqrt} of a feature-style sum
 *     (rule 2) of squares over the whole padded parameter block in layout order.</li>
 * </ol>
 * The training loop's own arithmetic (the epoch's loss over its batches, the learning rate of an
 * update, the optimizers' updates, which are elementwise) is in {@code io.lrsweep.core.train} and
 * {@code io.lrsweep.core.optim}, each value computed the same way on every machine.
 */
package io.lrsweep.core.model;
