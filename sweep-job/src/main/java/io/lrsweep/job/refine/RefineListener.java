package io.lrsweep.job.refine;

import io.lrsweep.job.analysis.RefinementPlanner;
import io.lrsweep.job.run.RunSummary;

import java.util.List;

/** What {@link RefineJob} tells the console as it goes. */
public interface RefineListener {

    /** The grid sweep.json records was run first: its missing trials (an interrupted round) ran, the rest were reused. */
    void onRecordedGrid(int rounds, RunSummary ran);

    /** Round {@code round}'s plan, made from the analysis of the grid so far. */
    void onPlan(int round, RefinementPlanner.Plan plan);

    /** Round {@code round} added {@code learningRates} to the grid and ran only their trials. */
    void onRoundRan(int round, List<Double> learningRates, RunSummary ran);

    RefineListener NONE = new RefineListener() {
        @Override
        public void onRecordedGrid(int rounds, RunSummary ran) {}

        @Override
        public void onPlan(int round, RefinementPlanner.Plan plan) {}

        @Override
        public void onRoundRan(int round, List<Double> learningRates, RunSummary ran) {}
    };
}
