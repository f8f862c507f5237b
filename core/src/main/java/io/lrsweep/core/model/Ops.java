package io.lrsweep.core.model;

/**
 * The arithmetic of one pass over a batch, as primitives over flat arrays: {@link PlainOps}, in
 * plain Java, is the definition (see the package comment for the order of every sum); the
 * Vector API implementation computes every value with the very same operations in the same
 * order, only several independent values at a time. {@link Kernel} calls them in a fixed order.
 *
 * <p>Conventions: {@code count} rows of a batch; a batch-major array holds row {@code b} at
 * {@code [b * stride, b * stride + width)}; a "scalar-accessed" array {@code d} holds value
 * {@code (b, o)} at {@code d[b * dr + o * dc]} (batch-major: {@code dr = stride, dc = 1};
 * feature-major: {@code dr = 1, dc = rows}). Kernel rows are {@code p[kOff + row * ks + column]},
 * biases {@code p[bOff + o]}. "combine" is the 8-partial sum of the package comment; "sum" is
 * sequential in row order from +0.
 */
sealed interface Ops permits PlainOps, VectorOps {

    /** BY_INPUT forward: {@code z(b, o) = combine_{i < in}(a(b, i) * K[i][o]) + bias[o]} for o < outPad. */
    void forwardByInput(double[] a, int as, int in, double[] p, int kOff, int ks, int bOff,
                        double[] z, int zs, int outPad, int count);

    /** BY_OUTPUT forward: {@code z[b * zr + o * zc] = combine_{i < inPad}(a(b, i) * K[o][i]) + bias[o]} for o < out. */
    void forwardByOutput(double[] a, int as, int inPad, double[] p, int kOff, int ks, int bOff, int out,
                         double[] z, int zr, int zc, int count);

    /** {@code y = f(y)} on {@code [0, width)} of each row, then +0 on {@code [width, padWidth)}. */
    void activate(Activation f, double[] y, int s, int width, int padWidth, int count);

    /**
     * Softmax, loss, accuracy and (if {@code delta != null}) the output delta of each row, over
     * feature-major logits {@code z[c * rs + b]} (replaced by the probabilities). Per row:
     * {@code rowLoss[b]}, {@code rowCorrect[b]} (1 or 0), {@code rowPasses[b]} (1 when the row
     * passes a gradient, else 0); {@code delta[c * rs + b]} the gradient of (row loss * inv).
     */
    void softmax(LossFunction loss, double[] z, int rs, int classes, double[] labels, int count, double inv,
                 double[] delta, double[] rowLoss, double[] rowCorrect, double[] rowPasses);

    /**
     * BY_INPUT kernel gradient: {@code g[gOff + i * gs + o] = sum_b a(b, i) * d(b, o)} for i < in,
     * o < out, +0 for out <= o < outPad; d batch-major. The padded rows are never written (they stay +0).
     */
    void gradByInput(double[] a, int as, int in, double[] d, int ds, int out, int outPad, int count,
                     double[] g, int gOff, int gs);

    /**
     * BY_OUTPUT kernel gradient: {@code g[gOff + o * gs + i] = sum_b d(b, o) * a(b, i)} for o < out,
     * i < in, +0 for in <= i < inPad. The padded rows are never written (they stay +0).
     */
    void gradByOutput(double[] d, int dr, int dc, int out, double[] a, int as, int in, int inPad, int count,
                      double[] g, int gOff, int gs);

    /** Bias gradient: {@code g[gOff + o] = sum_b d(b, o)} for o < out, +0 for out <= o < outPad. */
    void biasGrad(double[] d, int dr, int dc, int out, int outPad, int count, double[] g, int gOff);

    /**
     * BY_OUTPUT delta one layer down: {@code e(b, i) = combine_{o < out}(d(b, o) * K[o][i]) * f'(y(b, i))}
     * for i < in, +0 for in <= i < inPad; y is the layer's input activation (batch-major, as e).
     */
    void deltaBackByOutput(double[] d, int dr, int dc, int out, double[] p, int kOff, int ks,
                           double[] y, int ys, Activation f, double[] e, int es, int in, int inPad, int count);

    /**
     * BY_INPUT delta one layer down: {@code e(b, i) = combine_{o < outPad}(d(b, o) * K[i][o]) * f'(y(b, i))}
     * for i < in, +0 for in <= i < inPad; d batch-major.
     */
    void deltaBackByInput(double[] d, int ds, int outPad, double[] p, int kOff, int ks,
                          double[] y, int ys, Activation f, double[] e, int es, int in, int inPad, int count);

    /** {@code combine_{k < n}(a[k] * a[k])}: the squared L2 norm of a parameter or gradient block. */
    double sumOfSquares(double[] a, int n);

    /** The 8-partial combine of the package comment, over {@code t[0 .. n)}. */
    static double combine(double[] t, int n) {
        double[] part = new double[8];
        for (int k = 0; k < n; k++) {
            part[k & 7] = part[k & 7] + t[k];
        }
        return tree(part[0], part[1], part[2], part[3], part[4], part[5], part[6], part[7]);
    }

    /** How the 8 partial sums are added: {@code ((p0 + p4) + (p2 + p6)) + ((p1 + p5) + (p3 + p7))}. */
    static double tree(double p0, double p1, double p2, double p3, double p4, double p5, double p6, double p7) {
        return ((p0 + p4) + (p2 + p6)) + ((p1 + p5) + (p3 + p7));
    }
}
