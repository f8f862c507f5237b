package io.lrsweep.core.train;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.model.Kernel;
import io.lrsweep.core.model.Network;
import io.lrsweep.core.optim.ParameterBlock;
import io.lrsweep.core.random.SplitMix64;

import java.util.ArrayList;
import java.util.List;

/**
 * The training engine: trains a group of N >= 1 trials that share the data, the model shape, the
 * batch size and the seed (so the initial weights and every epoch's batch order; see
 * {@link GroupKey}); a lone trial is a group of one. Each trial gets exactly the bits it would get
 * alone: the trials share the batch order and one {@link Kernel}'s buffers, never a sum, and every
 * value's arithmetic is fixed by the model package (see its package comment), whatever the CPU or
 * vector width.
 *
 * <p>The seed feeds two independent streams, "init" for the weights and "shuffle" for the batch
 * order (reshuffled at the start of every epoch when the training spec says so). Epoch by epoch,
 * every trial still training runs the whole epoch in turn ({@link TrialRun}), so its parameters,
 * gradient and optimizer state stay in cache for the epoch; a trial ends when it reaches its
 * epochs, diverges (a non-finite loss or weight: its history ends with that epoch) or fails.
 *
 * <p>Never throws for a trial-level problem: bad data fails the whole group, an error while a
 * trial trains ends that trial as FAILED with the error's message, and the others go on. Nothing
 * is retried.
 */
public final class Engine {
    /** Rows per evaluation pass (at least the batch size): enough for the loops to run long. */
    static final int EVALUATION_ROWS = 64;

    private Engine() {}

    /** One trial alone: a group of one. */
    public static TrialResult train(TrialSettings trial, Dataset train, Dataset validation, long seed) {
        return train(List.of(trial), train, validation, seed, EpochListener.NONE).get(0);
    }

    /**
     * Trains {@code trials}, which must share a {@link GroupKey} under {@code seed}; results in the
     * same order. {@code listener} hears after every epoch how many trials completed it.
     */
    public static List<TrialResult> train(List<TrialSettings> trials, Dataset train, Dataset validation, long seed,
                                          EpochListener listener) {
        return train(trials, train, validation, seed, listener, Hooks.NONE);
    }

    /**
     * For tests: {@code beforeEpoch} is called before each trial's epoch (0: the initial
     * evaluation) and may throw; {@code fillFrozen} false trains a frozen trial's epochs instead
     * of filling them in.
     */
    record Hooks(Faults faults, boolean fillFrozen) {
        static final Hooks NONE = new Hooks((trial, epoch) -> { }, true);
    }

    @FunctionalInterface
    interface Faults {
        void beforeEpoch(int trial, int epoch);
    }

    static List<TrialResult> train(List<TrialSettings> trials, Dataset train, Dataset validation, long seed,
                                   EpochListener listener, Hooks hooks) {
        Faults faults = hooks.faults();
        if (trials.isEmpty()) {
            return List.of();
        }
        GroupKey key = GroupKey.of(trials.get(0), seed);
        for (TrialSettings t : trials) {
            if (!GroupKey.of(t, seed).equals(key)) {
                throw new IllegalArgumentException("the trials of a group must share model, batch size, shuffle and seed: "
                        + key + " vs " + GroupKey.of(t, seed));
            }
        }
        Kernel kernel;
        double[] initial;
        ParameterBlock block;
        try {
            checkData(train, validation);
            Network net = new Network(key.model(), train.featureCount(), train.classCount());
            kernel = new Kernel(net, Math.max(Math.min(key.batchSize(), train.rows()), EVALUATION_ROWS));
            initial = new double[net.parameterCount()];
            net.initialize(SplitMix64.stream(seed, "init"), initial, 0);
            block = net.parameterBlock();
        } catch (RuntimeException e) {
            return failedGroup(trials, e);
        }
        List<TrialRun> runs = new ArrayList<>(trials.size());
        for (int k = 0; k < trials.size(); k++) {
            TrialRun run = new TrialRun(trials.get(k), initial, block, train.rows(), hooks.fillFrozen());
            runs.add(run);
            try {
                faults.beforeEpoch(k, 0);
                run.start(kernel, train, validation);
            } catch (RuntimeException e) {
                run.fail(e);
            }
        }
        int[] order = new int[train.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        boolean shuffle = key.shuffle();
        SplitMix64 shuffleRng = SplitMix64.stream(seed, "shuffle");
        for (int epoch = 1; anyLive(runs); epoch++) {
            if (shuffle) {
                shuffleRng.shuffle(order);
            }
            int ran = 0;
            for (int k = 0; k < runs.size(); k++) {
                TrialRun run = runs.get(k);
                if (run.live()) {
                    try {
                        faults.beforeEpoch(k, epoch);
                        run.epoch(epoch, order, kernel, train, validation);
                    } catch (RuntimeException e) {
                        run.fail(e);
                    }
                    ran++;
                }
            }
            listener.onEpochs(ran);
        }
        List<TrialResult> results = new ArrayList<>(runs.size());
        for (TrialRun run : runs) {
            results.add(run.result());
        }
        return results;
    }

    private static List<TrialResult> failedGroup(List<TrialSettings> trials, RuntimeException e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        List<TrialResult> out = new ArrayList<>(trials.size());
        for (int k = 0; k < trials.size(); k++) {
            out.add(new TrialResult(TrialStatus.FAILED, message, null, List.of(), null, 0, 0, message));
        }
        return out;
    }

    private static boolean anyLive(List<TrialRun> runs) {
        for (TrialRun r : runs) {
            if (r.live()) {
                return true;
            }
        }
        return false;
    }

    static void checkData(Dataset train, Dataset validation) {
        if (train.rows() < 1 || validation.rows() < 1) {
            throw new IllegalArgumentException("training and validation sets need at least one row each, got "
                    + train.rows() + " and " + validation.rows());
        }
        if (train.featureCount() != validation.featureCount() || train.classCount() != validation.classCount()) {
            throw new IllegalArgumentException("training and validation sets differ in shape");
        }
    }
}
