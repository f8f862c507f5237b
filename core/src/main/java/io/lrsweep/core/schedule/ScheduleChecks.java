package io.lrsweep.core.schedule;

/** Parameter checks shared by the schedules; messages start with the parameter's key and say what is allowed. */
final class ScheduleChecks {
    private ScheduleChecks() {}

    /** {@code value} in [0, 1]. */
    static void unit(String key, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(key + " must be in [0, 1], got " + value);
        }
    }

    static void positive(String key, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " must be a finite number > 0, got " + value);
        }
    }

    static void nonNegative(String key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(key + " must be an integer >= 0, got " + value);
        }
    }
}
