package io.lrsweep.core.model;

/**
 * The output layer's softmax, Keras's clipped cross-entropy and its delta, for one row of logits
 * at {@code z[base + o * stride]} ({@code stride} 1 for one model, the model count for
 * {@link FusedMlp}'s interleaved rows), so one model and many compute the very same bits.
 *
 * <p>Loss: {@code p = clip(softmax(z), 1e-7, 1 - 1e-7)}, {@code loss = -log p[label]}. The clip
 * passes no gradient outside its range (TensorFlow's {@code clip_by_value}), so a row whose
 * true-class probability is below 1e-7 or above 1 - 1e-7 contributes no gradient: this is why
 * lr = 1 oscillates instead of running to NaN. Keras also divides the softmax by its sum before
 * clipping; that sum is 1 up to rounding and its gradient term vanishes, so it is left out.
 */
final class SoftmaxLoss {
    /** Keras's {@code K.epsilon()}. */
    static final double EPSILON = 1e-7;

    private SoftmaxLoss() {}

    /** Replaces the row's logits by their softmax; returns the row's clipped cross-entropy. */
    static double softmax(double[] z, int base, int stride, int out, int label) {
        int end = base + out * stride;
        double max = z[base];
        for (int j = base + stride; j < end; j += stride) {
            max = Math.max(max, z[j]);
        }
        double sum = 0.0;
        for (int j = base; j < end; j += stride) {
            double e = Fdlibm.exp(z[j] - max);
            z[j] = e;
            sum += e;
        }
        for (int j = base; j < end; j += stride) {
            z[j] = z[j] / sum;
        }
        double p = Math.min(Math.max(z[base + label * stride], EPSILON), 1.0 - EPSILON);
        return -Fdlibm.log(p);
    }

    /** The first class of highest probability. */
    static int argmax(double[] p, int base, int stride, int out) {
        int best = 0;
        for (int o = 1; o < out; o++) {
            if (p[base + o * stride] > p[base + best * stride]) {
                best = o;
            }
        }
        return best;
    }

    /**
     * d(mean loss)/d(logits) for the row, {@code (p - onehot) / rows}, or 0 where the clip cut
     * the gradient; written at the same positions in {@code d}.
     */
    static void delta(double[] p, int base, int stride, int out, int label, double invRows, double[] d) {
        double pl = p[base + label * stride];
        boolean passes = pl >= EPSILON && pl <= 1.0 - EPSILON;
        for (int o = 0; o < out; o++) {
            int j = base + o * stride;
            d[j] = passes ? (p[j] - (o == label ? 1.0 : 0.0)) * invRows : 0.0;
        }
    }
}
