package io.lrsweep.job.cli;

import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.analysis.Labels;
import io.lrsweep.job.analysis.RefinementPlanner;
import io.lrsweep.job.refine.RefineJob;
import io.lrsweep.job.refine.RefineListener;
import io.lrsweep.job.refine.RefineOptions;
import io.lrsweep.job.refine.RefineSummary;
import io.lrsweep.job.run.OutputLock;
import io.lrsweep.job.run.PreparedData;
import io.lrsweep.job.run.RunOptions;
import io.lrsweep.job.run.RunSummary;
import io.lrsweep.job.run.SweepRunner;
import io.lrsweep.job.table.SweepDirectory;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The console side of refinement ({@code refine}, {@code run --refine}): each round's plan per setup,
 * each run with the progress line, and how many finished trials were reused rather than rerun.
 */
final class RefineRounds {

    private RefineRounds() {}

    /**
     * @param lock the output directory's lock, held by the command for the whole refinement (a
     *             second acquire in the same process would be refused)
     */
    static RefineSummary run(SparkSessions.Handle handle, SweepSpec spec, PreparedData prepared, String dir, Integer waveSize,
                             RefineOptions o, OutputLock lock, boolean verbose, PrintWriter out, PrintWriter err) {
        RunOptions options = new RunOptions(dir, true, false, waveSize == null ? RunOptions.AUTO_WAVE_SIZE : waveSize);
        SweepDirectory directory = new SweepDirectory(handle.hadoopConfiguration(), dir);
        out.println();
        out.println(String.format(Locale.ROOT, "refine %s: up to %d round%s of %d learning rates per setup, to %s decades",
                spec.name(), o.rounds(), o.rounds() == 1 ? "" : "s", o.points(), Labels.num(o.resolution())));
        out.flush();
        RefineSummary s = RefineJob.run(spec, prepared.contentSha256(), directory, o,
                next -> tracked(handle, next, prepared, options, lock, verbose, err),
                new Console(out, spec.seeds().size()));
        out.println("  stopped  " + s.stopped() + "; " + s.ran() + " round" + (s.ran() == 1 ? "" : "s") + " run now: "
                + s.trained() + " trials trained, the " + s.reused() + " trials finished before never rerun");
        for (RefinementPlanner.SetupPlan p : s.last().setups()) {
            out.println("  bracket  " + p.setup() + ": " + bracket(p) + ", " + rounds(s.spec().refinement().roundsOf(p.setup()))
                    + "; " + state(p, s.spec().seeds().size(), o));
        }
        out.flush();
        return s;
    }

    static String rounds(int n) {
        return n + " round" + (n == 1 ? "" : "s");
    }

    /** Where a setup's refinement stands, in a few words. */
    static String state(RefinementPlanner.SetupPlan p, int seeds, RefineOptions o) {
        return switch (p.stop()) {
            case NONE -> "not done: the next round would add " + String.join(", ", p.add().stream().map(Labels::num).toList());
            case RESOLVED -> "done: narrower than the resolution (" + Labels.num(o.resolution()) + " decades)";
            case TIED -> "stopped: its best cannot be told from either neighbour over " + seeds + " seeds (paired, 95%), "
                    + "so a finer grid would chase noise";
            case NO_BEST -> "no learning rate ended ok on every seed";
            case NO_ROOM -> "stopped: no new learning rate fits between the best's neighbours";
        };
    }

    /** Refuses (exit 2, before anything runs) a sweep without a learning-rate axis: each optimizer at its base lr. */
    static void checkRefinable(SweepSpec spec, String where) {
        if (spec.grid().learningRates() == null) {
            throw new BadInputException(where + " has no grid.learning_rate (each optimizer runs at its own base learning "
                    + "rate): there is no learning-rate axis to refine");
        }
    }

    static String bracket(RefinementPlanner.SetupPlan p) {
        if (p.bestLr() == null) {
            return "no best lr";
        }
        String low = p.bracketLow() == null ? "(below the grid)" : Labels.num(p.bracketLow());
        String high = p.bracketHigh() == null ? "(above the grid)" : Labels.num(p.bracketHigh());
        String width = p.decades() == null ? "" : String.format(Locale.ROOT, " (%.3g decades)", p.decades());
        return "best lr " + Labels.num(p.bestLr()) + ", between " + low + " and " + high + width;
    }

    /** Runs one grid with the progress line attached to Spark's listener bus for the duration (as {@code run} does). */
    private static RunSummary tracked(SparkSessions.Handle handle, SweepSpec spec, PreparedData prepared, RunOptions options,
                                      OutputLock lock, boolean verbose, PrintWriter err) {
        var sc = handle.context();
        TrialProgress progress = new TrialProgress();
        ProgressListener listener = new ProgressListener(progress);
        sc.addSparkListener(listener);
        boolean terminal = ProgressPrinter.stderrIsTerminal();
        ProgressPrinter printer = new ProgressPrinter(progress, err, terminal);
        try {
            RunSummary summary = SweepRunner.run(sc, spec, prepared, options, new RunEvents(progress, err, terminal, verbose), lock);
            progress.settle(summary.ran(), summary.diverged(), summary.failed());
            printer.endRun();
            return summary;
        } finally {
            printer.close();
            sc.removeSparkListener(listener);
        }
    }

    private record Console(PrintWriter out, int seeds) implements RefineListener {
        @Override
        public void onRecordedGrid(int rounds, RunSummary ran) {
            String grid = "sweep.json's grid (" + ran.totalTrials() + " trials" + (rounds > 0 ? ", " + rounds + " round" + (rounds == 1 ? "" : "s")
                    + " of refinement" : "") + ")";
            if (ran.ran() > 0) {
                out.println("  resumed  " + grid + ": " + ran.ran() + " missing trials ran" + (rounds > 0
                        ? " (round " + rounds + " had been interrupted)" : "") + ", " + ran.resumed()
                        + " finished trials reused");
            } else {
                out.println("  grid     " + grid + ": every trial finished, none rerun");
            }
            out.flush();
        }

        @Override
        public void onPlan(int round, RefinementPlanner.Plan plan) {
            for (RefinementPlanner.SetupPlan p : plan.setups()) {
                out.println("  round " + round + "  " + p.setup() + ": " + p.why());
            }
            out.flush();
        }

        @Override
        public void onRoundRan(int round, List<Double> learningRates, RunSummary ran) {
            out.println("  round " + round + "  +" + learningRates.size() + " learning rates x " + seeds + " seeds: "
                    + ran.ran() + " trials ran (ok " + ran.ok() + ", diverged " + ran.diverged() + ", saturated "
                    + ran.saturated() + ", stalled " + ran.stalled() + ", failed " + ran.failed() + "), "
                    + ran.resumed() + " finished trials reused, not rerun");
            out.flush();
        }
    }
}
