package io.lrsweep.core.schedule;

/** The per-epoch quantity the plateau controller watches, and whether lower is better. */
public enum Monitor {
    VAL_LOSS("val_loss", true),
    LOSS("loss", true),
    VAL_ACCURACY("val_accuracy", false),
    ACCURACY("accuracy", false);

    public final String label;
    public final boolean lowerIsBetter;

    Monitor(String label, boolean lowerIsBetter) {
        this.label = label;
        this.lowerIsBetter = lowerIsBetter;
    }

    public static Monitor fromLabel(String label) {
        for (Monitor m : values()) {
            if (m.label.equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "plateau.monitor must be one of [val_loss, loss, val_accuracy, accuracy], got '" + label + "'");
    }
}
