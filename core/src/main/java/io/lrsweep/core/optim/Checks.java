package io.lrsweep.core.optim;

/** Argument checks shared by the optimizer specs; messages name the field and what is allowed. */
final class Checks {
    private Checks() {}

    static void positive(String field, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number > 0, got " + value);
        }
    }

    static void nonNegative(String field, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + value);
        }
    }

    static void unitInterval(String field, double value) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(field + " must be in [0, 1), got " + value);
        }
    }
}
