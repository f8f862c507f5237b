package io.lrsweep.core.model;

/**
 * The training loss on the softmax output (the sweep file's {@code training.loss}; part of the
 * trial id). Both take the softmax {@code p = exp(z - max z) / sum exp(z - max z)} of the logits.
 */
public enum LossFunction {
    /**
     * Keras 2's categorical cross-entropy (the default, the reference study's): {@code -log(clip(p[label],
     * 1e-7, 1 - 1e-7))}. The clip passes no gradient outside its range (TensorFlow's
     * {@code clip_by_value}): a row whose true-class probability has saturated contributes nothing,
     * which is why a too-large learning rate freezes the net instead of overflowing.
     */
    KERAS_CLIPPED("keras_clipped"),
    /**
     * Cross-entropy on the logits, as PyTorch's {@code cross_entropy} and scikit-learn compute it:
     * {@code log(sum exp(z - max z)) - (z[label] - max z)}, gradient {@code p - onehot}; no clip, so
     * a too-large learning rate overflows honestly instead of freezing.
     */
    LOG_SOFTMAX("log_softmax");

    /** Keras's {@code K.epsilon()}, the clip of KERAS_CLIPPED. */
    public static final double EPSILON = 1e-7;

    public final String label;

    LossFunction(String label) {
        this.label = label;
    }

    public static LossFunction fromLabel(String label) {
        for (LossFunction f : values()) {
            if (f.label.equals(label)) {
                return f;
            }
        }
        throw new IllegalArgumentException("training.loss must be one of [keras_clipped, log_softmax], got '" + label + "'");
    }
}
