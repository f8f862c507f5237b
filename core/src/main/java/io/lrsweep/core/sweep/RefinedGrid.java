package io.lrsweep.core.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A sweep's grid grown by refinement rounds ({@link Refinement}): the learning rates a round adds go
 * after the grid's own, so the trials of the earlier values keep their settings, seeds and ids.
 */
public final class RefinedGrid {

    private RefinedGrid() {}

    /** {@code spec} with {@code round}'s learning rates added to its grid and the round recorded. */
    public static SweepSpec withRound(SweepSpec spec, Refinement.Round round) {
        if (spec.grid().learningRates() == null) {
            throw SweepSpecException.at("grid.learning_rate", "is absent (each optimizer runs at its own base learning "
                    + "rate), so there is no learning-rate axis to refine");
        }
        if (round.round() != spec.refinement().rounds().size() + 1) {
            throw new IllegalArgumentException("round " + round.round() + " cannot follow " + spec.refinement().rounds().size()
                    + " rounds");
        }
        List<Double> lrs = new ArrayList<>(spec.grid().learningRates());
        for (double lr : round.learningRates()) {
            if (lrs.contains(lr)) {
                throw new IllegalArgumentException("round " + round.round() + " adds " + lr + ", which the grid already has");
            }
            lrs.add(lr);
        }
        return withLearningRates(spec, lrs, spec.refinement().then(round));
    }

    /**
     * {@code spec} as its sweep file gave it: the learning rates refinement added taken out again and
     * no refinement recorded.
     */
    public static SweepSpec unrefined(SweepSpec spec) {
        if (spec.refinement().rounds().isEmpty()) {
            return spec;
        }
        Set<Double> added = spec.refinement().added();
        List<Double> lrs = spec.grid().learningRates().stream().filter(lr -> !added.contains(lr)).toList();
        return withLearningRates(spec, lrs, Refinement.NONE);
    }

    /**
     * What {@code run --resume} runs when the output directory's sweep.json ({@code recorded}) holds
     * a refined grid: the refined grid, when {@code given} is that sweep before refinement (analysis
     * settings aside: those are how results are read); otherwise null (the grid changed, and the
     * refinement of the old one does not carry over).
     */
    public static SweepSpec carriedOver(SweepSpec given, SweepSpec recorded) {
        if (recorded == null || recorded.refinement().rounds().isEmpty() || !given.refinement().rounds().isEmpty()) {
            return null;
        }
        SweepSpec base = unrefined(recorded).withAnalysis(given.analysis());
        return base.equals(given) ? recorded.withAnalysis(given.analysis()) : null;
    }

    private static SweepSpec withLearningRates(SweepSpec spec, List<Double> lrs, Refinement refinement) {
        Grid g = spec.grid();
        Grid grown = new Grid(g.optimizers(), lrs, g.momenta(), g.decays(), g.patiences());
        return new SweepSpec(spec.name(), spec.dataset(), spec.model(), spec.training(), spec.optimizers(), spec.plateau(),
                grown, spec.seeds(), spec.analysis(), refinement);
    }
}
