package io.lrsweep.job.cli;

/** Short human durations for the console: 45s, 3m07s, 2h05m. */
final class Durations {

    private Durations() {}

    static String format(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}
