package io.lrsweep.core.model;

import java.util.Arrays;
import java.util.List;

/**
 * An MLP's hidden layers and their activation; input and output widths come from the data.
 * Hidden kernels start he_uniform (glorot_uniform for tanh/sigmoid, Keras's default),
 * the output kernel glorot_uniform, biases 0.
 */
public record ModelSpec(List<Integer> hidden, Activation activation) implements java.io.Serializable {

    public ModelSpec {
        if (hidden == null || hidden.isEmpty()) {
            throw new IllegalArgumentException("model.hidden must be a non-empty list of layer sizes >= 1");
        }
        hidden = List.copyOf(hidden);
        for (int i = 0; i < hidden.size(); i++) {
            if (hidden.get(i) < 1) {
                throw new IllegalArgumentException("model.hidden[" + i + "] must be an integer >= 1, got " + hidden.get(i));
            }
        }
        if (activation == null) {
            throw new IllegalArgumentException("model.activation must be one of [relu, tanh, sigmoid]");
        }
    }

    /** The reference model: Dense(50, relu). */
    public static ModelSpec reference() {
        return new ModelSpec(List.of(50), Activation.RELU);
    }

    /** Every layer width from input to output. */
    public int[] widths(int inputs, int outputs) {
        int[] w = new int[hidden.size() + 2];
        w[0] = inputs;
        for (int i = 0; i < hidden.size(); i++) {
            w[i + 1] = hidden.get(i);
        }
        w[w.length - 1] = outputs;
        return w;
    }

    @Override
    public String toString() {
        return "ModelSpec[hidden=" + Arrays.toString(hidden.toArray()) + ", activation=" + activation.label + "]";
    }
}
