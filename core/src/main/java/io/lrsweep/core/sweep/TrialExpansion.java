package io.lrsweep.core.sweep;

import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.optim.OptimizerSpec;
import io.lrsweep.core.schedule.PlateauSpec;
import io.lrsweep.core.schedule.Schedule;
import io.lrsweep.core.train.TrainingSpec;
import io.lrsweep.core.train.TrialSettings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A sweep's cross product, in one fixed order, the last key varying fastest:
 * <ol>
 *   <li>hidden layers, batch size: what the model and its batches are (trials that differ here
 *       never share an engine group, so the setups of one shape come out together);</li>
 *   <li>optimizer (as listed), schedule;</li>
 *   <li>learning rate (as listed, or the optimizer's base learning rate when the grid has none);</li>
 *   <li>momentum, nesterov, decay, weight decay, patience (each as listed);</li>
 *   <li>seed (as listed).</li>
 * </ol>
 * Every axis that the grid does not give has one value (the block's). The old order (optimizer,
 * learning rate, momentum, decay, patience, seed) is kept within, so a sweep of the first format
 * expands as it always did. Momentum and nesterov are SGD settings: for the other optimizers they
 * collapse to a single trial without them, and at momentum 0 the nesterov axis collapses to one
 * trial (Nesterov momentum without momentum is plain SGD); the duplicates these collapses would make
 * are never generated. So a grid over [sgd, adam] x momentum [0, 0.9] x nesterov [false, true] has
 * 3 sgd trials (0; 0.9; 0.9 Nesterov) and 1 adam trial per other point.
 */
final class TrialExpansion {

    private TrialExpansion() {}

    /** The number of trials, by multiplying axis sizes; {@link Long#MAX_VALUE} when it overflows a long. */
    static long count(SweepSpec s) {
        Grid g = s.grid();
        try {
            long perOptimizerPoint = Math.multiplyExact((long) g.decays().size(),
                    Math.multiplyExact((long) g.weightDecaysOrBase().size(), (long) g.patiences().size()));
            long learningRates = g.learningRates() == null ? 1 : g.learningRates().size();
            long perShape = 0;
            for (String optimizer : g.optimizers()) {
                long momentumPoints = 0;
                for (Double momentum : g.momentaFor(optimizer)) {
                    momentumPoints = Math.addExact(momentumPoints, g.nesterovsFor(optimizer, momentum).size());
                }
                long points = Math.multiplyExact(Math.multiplyExact(s.schedules().size(), learningRates),
                        Math.multiplyExact(momentumPoints, perOptimizerPoint));
                perShape = Math.addExact(perShape, points);
            }
            long shapes = Math.multiplyExact((long) s.hiddens().size(), (long) s.batchSizes().size());
            return Math.multiplyExact(Math.multiplyExact(shapes, perShape), (long) s.seeds().size());
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    /** The trials in the documented order, with indices 0..n-1 and stable ids ({@link TrialId}). */
    static List<TrialSpec> trials(SweepSpec s, String dataContent) {
        Grid g = s.grid();
        TrainingSpec t = s.training();
        List<TrialSpec> trials = new ArrayList<>((int) count(s));
        List<Double> learningRates = g.learningRates() == null ? Collections.singletonList(null) : g.learningRates();
        for (List<Integer> hidden : s.hiddens()) {
            ModelSpec model = new ModelSpec(hidden, s.model().activation());
            for (int batchSize : s.batchSizes()) {
                for (String optimizer : g.optimizers()) {
                    for (Schedule schedule : s.schedules()) {
                        TrainingSpec training = new TrainingSpec(t.epochs(), batchSize, t.shuffle(), schedule, t.loss());
                        for (Double lr : learningRates) {
                            for (Double momentum : g.momentaFor(optimizer)) {
                                for (Boolean nesterov : g.nesterovsFor(optimizer, momentum)) {
                                    for (double decay : g.decays()) {
                                        for (Double weightDecay : g.weightDecaysOrBase()) {
                                            OptimizerSpec spec = s.optimizers().resolve(optimizer, lr, momentum, nesterov, decay,
                                                    weightDecay);
                                            addPatiencesAndSeeds(s, dataContent, trials, new TrialSettings(model, training, spec, null));
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return trials;
    }

    /** The trials of one point of the grid before its patience axis: per patience, per seed. */
    private static void addPatiencesAndSeeds(SweepSpec s, String dataContent, List<TrialSpec> trials, TrialSettings point) {
        for (Integer patience : s.grid().patiences()) {
            PlateauSpec plateau = patience == null ? null : s.plateau().withPatience(patience);
            TrialSettings settings = new TrialSettings(point.model(), point.training(), point.optimizer(), plateau);
            for (long seed : s.seeds()) {
                trials.add(new TrialSpec(s.name(), TrialId.of(s.dataset(), dataContent, settings, seed), trials.size(), s.dataset(),
                        settings, seed));
            }
        }
    }
}
