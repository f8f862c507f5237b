package io.lrsweep.bench.report;

import java.util.ArrayList;
import java.util.List;

/** The issues' targets, by issue, with the measured value of each and whether it is met. */
final class Targets {
    private record Target(String what, String goal, double value, double threshold, boolean atLeast, String shown) {
        String verdict() {
            if (Double.isNaN(value)) {
                return "not measured";
            }
            return (atLeast ? value >= threshold : value <= threshold) ? "met" : "**missed**";
        }
    }

    private record Group(String title, List<Target> targets) {}

    private final List<Group> groups = new ArrayList<>();

    /** Starts a group of targets (one issue's): the targets added next go under {@code title}. */
    void group(String title) {
        groups.add(new Group(title, new ArrayList<>()));
    }

    /** A target {@code value >= threshold} ({@code atLeast}) or {@code value <= threshold}. */
    void add(String what, String goal, double value, double threshold, boolean atLeast, String shown) {
        if (groups.isEmpty()) {
            throw new IllegalStateException("a target needs a group: call group(title) first");
        }
        groups.get(groups.size() - 1).targets().add(new Target(what, goal, value, threshold, atLeast, shown));
    }

    void writeTo(Markdown m) {
        for (Group g : groups) {
            if (g.targets().isEmpty()) {
                continue;
            }
            m.line("**" + g.title() + "**");
            m.line();
            m.line("| target | goal | measured | |");
            m.line("|---|---|---:|---|");
            for (Target t : g.targets()) {
                m.line("| " + t.what() + " | " + t.goal() + " | " + t.shown() + " | " + t.verdict() + " |");
            }
            m.line();
        }
    }
}
