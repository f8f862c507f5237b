package io.lrsweep.core.model;

/** Hidden-layer activations. The output layer is always softmax. */
public enum Activation {
    RELU("relu"),
    TANH("tanh"),
    SIGMOID("sigmoid");

    public final String label;

    Activation(String label) {
        this.label = label;
    }

    public static Activation fromLabel(String label) {
        for (Activation a : values()) {
            if (a.label.equals(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("model.activation must be one of [relu, tanh, sigmoid], got '" + label + "'");
    }
}
