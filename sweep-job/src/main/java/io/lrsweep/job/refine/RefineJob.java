package io.lrsweep.job.refine;

import io.lrsweep.core.sweep.RefinedGrid;
import io.lrsweep.core.sweep.Refinement;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.analysis.Analysis;
import io.lrsweep.job.analysis.AnalysisOptions;
import io.lrsweep.job.analysis.AnalysisResult;
import io.lrsweep.job.analysis.RefinementPlanner;
import io.lrsweep.job.run.GridTrials;
import io.lrsweep.job.run.RunSummary;
import io.lrsweep.job.run.TrialRow;
import io.lrsweep.job.table.SweepDirectory;
import io.lrsweep.job.table.TrialsTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Learning-rate refinement of a sweep's output directory, round by round: analyse the grid so far,
 * plan the next round ({@link RefinementPlanner}), record it in sweep.json (its learning rates added
 * to the grid, {@link RefinedGrid}) and run the grid again through the runner, which finds every
 * finished trial by id and trains only the new cells. The round is in sweep.json before any of its
 * trials runs, so an interrupted round is finished by the next {@code refine} (which first runs the
 * recorded grid) or by {@code run --resume}; no trial is ever trained twice.
 */
public final class RefineJob {

    /** Runs a sweep into the output directory, keeping its finished trials (the runner with --resume). */
    @FunctionalInterface
    public interface Runner {
        RunSummary run(SweepSpec spec);
    }

    private RefineJob() {}

    /** @param spec the sweep as the directory's sweep.json records it (analysis settings applied) */
    /** @param content the data's content hash (data.json's): trial ids are made with it */
    public static RefineSummary run(SweepSpec spec, String content, SweepDirectory dir, RefineOptions o, Runner runner,
                                    RefineListener listener) {
        if (spec.grid().learningRates() == null) {
            throw new IllegalArgumentException("the sweep has no grid.learning_rate (each optimizer runs at its own base "
                    + "learning rate): there is no learning-rate axis to refine");
        }
        RunSummary first = runner.run(spec);
        listener.onRecordedGrid(spec.refinement().rounds().size(), first);
        int reused = first.resumed();  // finished before this invocation: never rerun
        int trained = first.ran();
        int ran = 0;
        RefinementPlanner.Plan plan = plan(spec, content, dir, o);
        while (true) {
            int number = spec.refinement().rounds().size() + 1;
            if (plan.setups().isEmpty()) {
                return new RefineSummary(spec, ran, reused, trained, plan, "no setup has two or more learning rates");
            }
            if (plan.done()) {
                return new RefineSummary(spec, ran, reused, trained, plan, "every setup is done");
            }
            if (ran == o.rounds()) {
                return new RefineSummary(spec, ran, reused, trained, plan, "after " + ran + " round" + (ran == 1 ? "" : "s")
                        + " (--rounds " + o.rounds() + "); refine again to go on");
            }
            listener.onPlan(number, plan);
            List<Refinement.Asked> asked = new ArrayList<>();
            for (RefinementPlanner.SetupPlan p : plan.setups()) {
                if (!p.add().isEmpty()) {
                    asked.add(new Refinement.Asked(p.setup(), p.bestLr(), p.add()));
                }
            }
            Refinement.Round round = new Refinement.Round(number, o.points(), o.resolution(), plan.union(), asked);
            spec = RefinedGrid.withRound(spec, round);
            RunSummary s = runner.run(spec);
            listener.onRoundRan(number, round.learningRates(), s);
            trained += s.ran();
            ran++;
            plan = plan(spec, content, dir, o);
        }
    }

    /** The next round's plan from the analysis of {@code spec}'s trials in {@code dir} (no curve is read). */
    static RefinementPlanner.Plan plan(SweepSpec spec, String content, SweepDirectory dir, RefineOptions o) {
        return RefinementPlanner.plan(analyse(spec, content, dir).ucurves(), o.points(), o.resolution());
    }

    /** The trials of {@code spec}'s grid, ranked and read along the lr: what the planner needs, from trials/ alone. */
    static AnalysisResult analyse(SweepSpec spec, String content, SweepDirectory dir) {
        GridTrials grid = GridTrials.of(spec, content);
        List<TrialRow> trials = TrialsTable.read(dir).stream().filter(t -> grid.contains(t.trialId())).toList();
        return Analysis.run(trials, each -> { }, AnalysisOptions.of(spec.analysis()), r -> Set.of());
    }
}
