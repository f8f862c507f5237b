package io.lrsweep.bench.report;

import java.util.ArrayList;
import java.util.List;

/** The targets with the measured value of each and whether it is met. */
final class Targets {
    private record Target(String what, String goal, double value, double threshold, boolean atLeast, String shown) {
        String verdict() {
            if (Double.isNaN(value)) {
                return "not measured";
            }
            return (atLeast ? value >= threshold : value <= threshold) ? "met" : "**missed**";
        }
    }

    private final List<Target> targets = new ArrayList<>();

    /** A target {@code value >= threshold} ({@code atLeast}) or {@code value <= threshold}. */
    void add(String what, String goal, double value, double threshold, boolean atLeast, String shown) {
        targets.add(new Target(what, goal, value, threshold, atLeast, shown));
    }

    void writeTo(Markdown m) {
        m.line("| target | goal | measured | |");
        m.line("|---|---|---:|---|");
        for (Target t : targets) {
            m.line("| " + t.what() + " | " + t.goal() + " | " + t.shown() + " | " + t.verdict() + " |");
        }
    }
}
