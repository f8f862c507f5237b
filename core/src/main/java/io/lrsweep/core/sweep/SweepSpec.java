package io.lrsweep.core.sweep;

import io.lrsweep.core.data.DatasetSpec;
import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.optim.Optimizers;
import io.lrsweep.core.schedule.Schedule;
import io.lrsweep.core.train.TrainingSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated sweep: one dataset, model and training setup, the non-axis optimizer and plateau
 * settings, a {@link Grid} and the seeds. Built by {@link SweepParser} from a sweep file and
 * written back, every default filled in, by {@link SweepWriter}.
 *
 * <p>{@link #trials()} expands the grid in the fixed order of {@link TrialExpansion}, the last key
 * varying fastest: hidden, batch size, optimizer, schedule, learning rate, momentum, nesterov,
 * decay, weight decay, patience, seed. The {@code training} and {@code model} blocks are templates:
 * where the grid gives {@code schedule}, {@code batch_size} or {@code hidden}, each trial's value
 * comes from the grid ({@link #schedules()}, {@link #batchSizes()}, {@link #hiddens()} are the
 * effective axes either way).
 *
 * <p>{@code refinement} records which learning rates of the grid {@code lrsweep refine} added, round
 * by round ({@link Refinement}, {@link RefinedGrid}); it decides no trial.
 */
public record SweepSpec(String name, DatasetSpec dataset, ModelSpec model, TrainingSpec training,
                        OptimizerTemplates optimizers, PlateauTemplate plateau, Grid grid, List<Long> seeds,
                        AnalysisSpec analysis, Refinement refinement) {

    /** The sweep name becomes a directory name, hence the narrow alphabet. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    /** Grids larger than this are refused unless explicitly allowed ({@link #checkSize}). */
    public static final long MAX_TRIALS = 100_000;

    /** The most seeds (and log-range points) one sweep can ask for by count. */
    public static final int MAX_COUNT = 10_000;

    public SweepSpec {
        if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw SweepSpecException.at("name", "must be 1 to 100 characters from [A-Za-z0-9._-] and not '.' or '..', got "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        if (dataset == null || model == null || training == null || optimizers == null || plateau == null || grid == null) {
            throw new SweepSpecException("", "a sweep needs a dataset, model, training, optimizers, plateau and grid");
        }
        seeds = checkedSeeds(seeds);
        if (analysis == null) {
            throw new SweepSpecException(AnalysisSection.PATH, "a sweep needs its analysis settings");
        }
        refinement = refinement == null ? Refinement.NONE : refinement;
        refinement.check(grid);
        boolean sgd = grid.optimizers().contains("sgd");
        String nesterovField = grid.nesterovs() != null ? "grid.nesterov" : "optimizers.sgd.nesterov";
        boolean anyNesterov = grid.nesterovs() != null ? grid.nesterovs().contains(true)
                : Boolean.TRUE.equals(optimizers.template("sgd").get("nesterov"));
        if (anyNesterov && sgd && grid.momenta().stream().allMatch(m -> m == 0.0)) {
            throw SweepSpecException.at(nesterovField,
                    (grid.nesterovs() != null ? "has true" : "is true") + " but every grid.momentum is 0: Nesterov momentum needs a momentum > 0");
        }
        if (grid.nesterovs() != null && anyNesterov && !sgd) {
            throw SweepSpecException.at("grid.nesterov", "has true but no optimizer of grid.optimizer " + grid.optimizers()
                    + " has Nesterov momentum (of " + Optimizers.NAMES + ", only sgd does)");
        }
        List<Schedule> schedules = grid.schedules() != null ? grid.schedules() : List.of(training.schedule());
        for (int i = 0; i < schedules.size(); i++) {
            String path = grid.schedules() != null ? "grid.schedule[" + i + "]" : "training.schedule";
            try {
                schedules.get(i).checkEpochs(training.epochs());
            } catch (IllegalArgumentException e) {
                throw SweepSpecException.wrap(path, schedules.get(i).type().keys(), e);
            }
        }
        if (grid.optimizers().stream().noneMatch(o -> Optimizers.named(o).has("momentum"))
                && grid.momenta().stream().anyMatch(m -> m != 0.0)) {
            throw SweepSpecException.at("grid.momentum", "has a non-zero value but no optimizer of grid.optimizer "
                    + grid.optimizers() + " has momentum (of " + Optimizers.NAMES + ", only sgd does)");
        }
    }

    /** A sweep read with the default analysis settings ({@link AnalysisSpec#defaults()}). */
    public SweepSpec(String name, DatasetSpec dataset, ModelSpec model, TrainingSpec training,
                     OptimizerTemplates optimizers, PlateauTemplate plateau, Grid grid, List<Long> seeds) {
        this(name, dataset, model, training, optimizers, plateau, grid, seeds, AnalysisSpec.defaults(), Refinement.NONE);
    }

    /** A sweep whose grid was never refined. */
    public SweepSpec(String name, DatasetSpec dataset, ModelSpec model, TrainingSpec training,
                     OptimizerTemplates optimizers, PlateauTemplate plateau, Grid grid, List<Long> seeds,
                     AnalysisSpec analysis) {
        this(name, dataset, model, training, optimizers, plateau, grid, seeds, analysis, Refinement.NONE);
    }

    /** The same sweep read with other analysis settings (the command line's --metric and friends). */
    public SweepSpec withAnalysis(AnalysisSpec a) {
        return new SweepSpec(name, dataset, model, training, optimizers, plateau, grid, seeds, a, refinement);
    }

    private static List<Long> checkedSeeds(List<Long> seeds) {
        if (seeds == null || seeds.isEmpty()) {
            throw SweepSpecException.at("seeds", "must be a count >= 1 or a non-empty list of integers >= 0");
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < seeds.size(); i++) {
            Long s = seeds.get(i);
            if (s == null || s < 0) {
                throw SweepSpecException.at("seeds[" + i + "]", "must be an integer >= 0, got " + s);
            }
            if (!seen.add(s)) {
                throw SweepSpecException.at("seeds[" + i + "]", "repeats the seed " + s + " (each seed may appear once)");
            }
        }
        return List.copyOf(seeds);
    }

    /** The same sweep with seeds 0..n-1 (the command line's {@code --seeds N}). */
    public SweepSpec withSeeds(int n) {
        if (n < 1 || n > MAX_COUNT) {
            throw SweepSpecException.at("seeds", "count must be an integer in [1, " + MAX_COUNT + "], got " + n);
        }
        return new SweepSpec(name, dataset, model, training, optimizers, plateau, grid, seedRange(n), analysis, refinement);
    }

    /**
     * The same sweep with {@code learningRates} as its learning-rate axis (the command line's
     * {@code --max-lr-from}); the optimizers' base learning rates, which only apply without that
     * axis, go back to their defaults so that the sweep reads back the same from its resolved form.
     */
    public SweepSpec withLearningRates(List<Double> learningRates) {
        Grid g = new Grid(grid.optimizers(), learningRates, grid.momenta(), grid.decays(), grid.patiences(), grid.nesterovs(),
                grid.weightDecays(), grid.schedules(), grid.batchSizes(), grid.hiddens());
        // A new learning-rate axis: earlier refinement rounds (values of the old axis) are not carried over.
        return new SweepSpec(name, dataset, model, training, optimizers.withoutBaseLearningRates(), plateau, g, seeds, analysis,
                Refinement.NONE);
    }

    /** Seeds 0..n-1. */
    static List<Long> seedRange(int n) {
        List<Long> seeds = new ArrayList<>(n);
        for (long s = 0; s < n; s++) {
            seeds.add(s);
        }
        return seeds;
    }

    /** The schedule axis: the grid's, or the training block's single schedule. */
    public List<Schedule> schedules() {
        return grid.schedules() != null ? grid.schedules() : List.of(training.schedule());
    }

    /** The batch-size axis: the grid's, or the training block's single batch size. */
    public List<Integer> batchSizes() {
        return grid.batchSizes() != null ? grid.batchSizes() : List.of(training.batchSize());
    }

    /** The hidden-layers axis: the grid's, or the model block's single hidden layers. */
    public List<List<Integer>> hiddens() {
        return grid.hiddens() != null ? grid.hiddens() : List.of(model.hidden());
    }

    /**
     * How many trials {@link #trials()} yields, computed without expanding (a few multiplications
     * per optimizer and momentum); {@link Long#MAX_VALUE} if the count overflows a long.
     */
    public long trialCount() {
        return TrialExpansion.count(this);
    }

    /**
     * Refuses a sweep over {@link #MAX_TRIALS} trials unless {@code allowLarge}, and any sweep over
     * {@link Integer#MAX_VALUE} trials (trial indices are ints). Returns this sweep.
     */
    public SweepSpec checkSize(boolean allowLarge) {
        long n = trialCount();
        long limit = allowLarge ? Integer.MAX_VALUE : MAX_TRIALS;
        if (n > limit) {
            throw SweepSpecException.at("grid", "expands to " + n + " trials (with " + seeds.size() + " seeds), more than the limit of "
                    + limit + (allowLarge ? "" : "; shrink the grid or allow large sweeps explicitly"));
        }
        return this;
    }

    /**
     * The trials in the documented order, with indices 0..n-1, their ids made without the data's
     * content ({@link TrialId#CONTENT_NOT_READ}): for counting, ordering and settings. Ids that find
     * finished trials come from {@link #trials(String)}.
     */
    public List<TrialSpec> trials() {
        return trials(TrialId.CONTENT_NOT_READ);
    }

    /**
     * The trials in the documented order, with indices 0..n-1 and stable ids ({@link TrialId}) for
     * data whose loaded and split content has the SHA-256 {@code dataContent}.
     */
    public List<TrialSpec> trials(String dataContent) {
        checkSize(true);
        return TrialExpansion.trials(this, dataContent);
    }
}
