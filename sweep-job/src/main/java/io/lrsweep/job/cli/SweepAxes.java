package io.lrsweep.job.cli;

import io.lrsweep.core.sweep.Grid;
import io.lrsweep.core.sweep.SweepSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The trial count and each grid axis of a sweep, as {@code validate} prints them. */
final class SweepAxes {

    private SweepAxes() {}

    static void print(SweepSpec spec, PrintWriter out) {
        long trials = spec.trialCount();
        int seeds = spec.seeds().size();
        out.println("sweep " + spec.name() + ": " + trials + " trials (" + trials / seeds + " settings x " + seeds
                + (seeds == 1 ? " seed)" : " seeds)"));
        Grid g = spec.grid();
        row(out, "optimizer", String.join(", ", g.optimizers()));
        if (g.learningRates() != null) {
            row(out, "learning_rate", join(g.learningRates()));
        } else {
            List<String> base = new ArrayList<>();
            for (String optimizer : g.optimizers()) {
                base.add(optimizer + " " + spec.optimizers().baseLearningRate(optimizer));
            }
            row(out, "learning_rate", "no axis: each optimizer's base rate (" + String.join(", ", base) + ")");
        }
        boolean sgd = g.optimizers().contains("sgd");
        row(out, "momentum", join(g.momenta()) + (sgd && g.optimizers().size() > 1 ? " (sgd only)" : ""));
        row(out, "decay", join(g.decays()));
        List<String> patiences = new ArrayList<>();
        for (Integer p : g.patiences()) {
            patiences.add(p == null ? "none" : p.toString());
        }
        row(out, "patience", String.join(", ", patiences));
        row(out, "seeds", join(spec.seeds()));
    }

    private static void row(PrintWriter out, String axis, String values) {
        out.printf("  %-14s %s%n", axis, values);
    }

    private static String join(List<?> values) {
        List<String> shown = new ArrayList<>(values.size());
        for (Object v : values) {
            shown.add(String.valueOf(v));
        }
        return String.join(", ", shown);
    }
}
