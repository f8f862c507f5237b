package io.lrsweep.job.cli;

import io.lrsweep.core.optim.OptimizerType;
import io.lrsweep.core.schedule.Schedule;
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
        row(out, "hidden", join(spec.hiddens()).replace(" ", "").replace("],[", "], ["));
        row(out, "batch_size", join(spec.batchSizes()));
        row(out, "optimizer", String.join(", ", g.optimizers()));
        row(out, "schedule", String.join(", ", spec.schedules().stream().map(Schedule::text).toList()));
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
        if (sgd) {
            row(out, "nesterov", g.nesterovs() != null ? join(g.nesterovs())
                    : "sgd's " + spec.optimizers().template("sgd").get("nesterov") + " (Nesterov only where momentum > 0)");
        }
        row(out, "decay", join(g.decays()));
        if (g.weightDecays() != null) {
            row(out, "weight_decay", join(g.weightDecays()));
        } else {
            List<String> base = new ArrayList<>();
            for (String optimizer : g.optimizers()) {
                base.add(optimizer + " " + spec.optimizers().template(optimizer).get(OptimizerType.WEIGHT_DECAY));
            }
            row(out, "weight_decay", "no axis: each optimizer's own (" + String.join(", ", base) + ")");
        }
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
