package io.lrsweep.core.train;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.model.FusedMlp;
import io.lrsweep.core.model.MultiModelKernel;
import io.lrsweep.core.model.Mlp;
import io.lrsweep.core.optim.Optimizer;
import io.lrsweep.core.optim.OptimizerSpec;
import io.lrsweep.core.random.SplitMix64;
import io.lrsweep.core.schedule.PlateauController;
import io.lrsweep.core.schedule.PlateauSpec;
import io.lrsweep.core.schedule.Schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains several trials that share a {@link FusionKey} (the 8 learning rates of one seed, say)
 * together, one kernel pass per batch for all of them ({@link MultiModelKernel#create}: the models
 * as vector lanes when the JVM has the Vector API, else {@link FusedMlp}), and returns for each exactly
 * what {@link Trainer#train} returns for it alone (bit for bit; {@code trainMillis} aside, which
 * is the group's wall time shared equally).
 *
 * <p>Per epoch the trials see the same batches, as they would alone: the order comes from the
 * shared seed. Everything else is per trial, as in {@link Trainer}: the learning rate of each
 * update, the optimizer state, the plateau controller, the epoch count. A trial whose batch loss
 * turns non-finite takes no further steps in that epoch; after the epoch's validation it ends as
 * DIVERGED, like a trial that reached its epochs ends as OK, and the others carry on.
 */
public final class FusedTrainer {
    /**
     * Models per kernel pass: a larger group is trained in passes of at most this many (results
     * are the same either way). The first layer's activations of all models in a pass must stay
     * in the core's cache; at 32 models of the reference shape they no longer did, and the pass
     * got slower per trial.
     */
    public static final int MAX_MODELS_PER_PASS = 16;

    private FusedTrainer() {}

    /** Whether two trials can be trained together (same data assumed). */
    public static boolean canFuse(TrialSettings a, long seedA, TrialSettings b, long seedB) {
        return FusionKey.of(a, seedA).equals(FusionKey.of(b, seedB));
    }

    /**
     * Trains {@code trials}, which must all share one {@link FusionKey} with {@code seed}; results
     * in the same order. Never throws for a trial-level problem: should the group fail as a whole
     * (bad data, say), each trial is run alone, so each reports its own failure as Trainer does.
     */
    public static List<TrialResult> train(List<TrialSettings> trials, Dataset train, Dataset validation, long seed) {
        return train(trials, train, validation, seed, EpochListener.NONE);
    }

    /** {@link #train(List, Dataset, Dataset, long)}, telling {@code listener} after every epoch. */
    public static List<TrialResult> train(List<TrialSettings> trials, Dataset train, Dataset validation, long seed,
                                          EpochListener listener) {
        if (trials.isEmpty()) {
            return List.of();
        }
        FusionKey key = FusionKey.of(trials.get(0), seed);
        for (TrialSettings t : trials) {
            if (!FusionKey.of(t, seed).equals(key)) {
                throw new IllegalArgumentException("trials of one fused group must share model, batch size, shuffle and seed: "
                        + key + " vs " + FusionKey.of(t, seed));
            }
        }
        if (trials.size() > MAX_MODELS_PER_PASS) {
            List<TrialResult> all = new ArrayList<>(trials.size());
            for (int from = 0; from < trials.size(); from += MAX_MODELS_PER_PASS) {
                all.addAll(train(trials.subList(from, Math.min(trials.size(), from + MAX_MODELS_PER_PASS)),
                        train, validation, seed, listener));
            }
            return all;
        }
        if (trials.size() == 1) {
            TrialResult alone = Trainer.train(trials.get(0), train, validation, seed);
            listener.onEpochs(alone.epochsCompleted());
            return List.of(alone);
        }
        long started = System.nanoTime();
        try {
            Group group = new Group(trials, train, validation, seed, listener);
            group.run();
            long millis = (System.nanoTime() - started) / 1_000_000L / trials.size();
            return group.results(millis);
        } catch (RuntimeException e) {
            List<TrialResult> alone = new ArrayList<>(trials.size());
            for (TrialSettings t : trials) {
                alone.add(Trainer.train(t, train, validation, seed));
            }
            return alone;
        }
    }

    /** The group's state: per trial the same fields Trainer keeps in locals. */
    private static final class Group {
        private final List<TrialSettings> trials;
        private final EpochListener listener;
        private final Dataset train;
        private final Dataset validation;
        private final int models;
        private final MultiModelKernel kernel;
        private final int batchSize;
        private final boolean shuffle;
        private final SplitMix64 shuffleRng;
        private final double[][] params;
        private final double[][] grads;
        private final Optimizer[] optimizers;
        private final PlateauController[] plateaus;
        private final List<List<EpochRecord>> histories = new ArrayList<>();
        private final EpochRecord[] initialRecords;
        private final EpochTracker[] trackers;
        private final boolean[] finiteEnd;
        private final int[] reductions;
        /** Still training (not yet at its epochs, not diverged). */
        private final boolean[] live;
        /** Live and still stepping in this epoch (no non-finite batch loss yet). */
        private final boolean[] stepping;

        Group(List<TrialSettings> trials, Dataset train, Dataset validation, long seed, EpochListener listener) {
            Trainer.checkData(train, validation);
            this.listener = listener;
            this.trials = trials;
            this.train = train;
            this.validation = validation;
            this.models = trials.size();
            TrialSettings first = trials.get(0);
            int[] widths = first.model().widths(train.featureCount(), train.classCount());
            this.batchSize = Math.min(first.training().batchSize(), train.rows());
            this.shuffle = first.training().shuffle();
            this.kernel = MultiModelKernel.create(widths, first.model().activation(), batchSize, models);
            double[] initial = Mlp.initialParameters(widths, first.model().activation(), SplitMix64.stream(seed, "init"));
            this.shuffleRng = SplitMix64.stream(seed, "shuffle");
            params = new double[models][];
            grads = new double[models][];
            optimizers = new Optimizer[models];
            plateaus = new PlateauController[models];
            initialRecords = new EpochRecord[models];
            trackers = new EpochTracker[models];
            finiteEnd = new boolean[models];
            reductions = new int[models];
            live = new boolean[models];
            stepping = new boolean[models];
            for (int k = 0; k < models; k++) {
                TrialSettings t = trials.get(k);
                params[k] = initial.clone();
                grads[k] = new double[initial.length];
                optimizers[k] = new Optimizer(t.optimizer(), initial.length);
                PlateauSpec p = t.plateau();
                plateaus[k] = p == null ? null : new PlateauController(p, t.optimizer().learningRate());
                histories.add(new ArrayList<>(t.training().epochs()));
                trackers[k] = new EpochTracker(initial.length);
                finiteEnd[k] = true;
                live[k] = true;
            }
            // Epoch 0, each model alone: a one-off pass, not worth a multi-model kernel.
            Mlp mlp = new Mlp(widths, first.model().activation(), batchSize);
            for (int k = 0; k < models; k++) {
                TrialSettings t = trials.get(k);
                double firstLr = OptimizerSpec.decayed(t.optimizer().learningRate() * t.training().schedule().factor(0),
                        t.optimizer().decay(), 0);
                this.initialRecords[k] = Trainer.initialRecord(mlp, params[k], train, validation, firstLr);
                EpochRecord r = this.initialRecords[k];
                if (!Trainer.allFinite(params[k]) || !Double.isFinite(r.loss()) || !Double.isFinite(r.valLoss())) {
                    finiteEnd[k] = false;
                    retire(k);
                }
            }
        }

        void run() {
            int n = train.rows();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            double[] baseLr = new double[models];
            double[] lastLr = new double[models];
            double[] lossSum = new double[models];
            int[] correct = new int[models];
            boolean[] finite = new boolean[models];
            double[] batchLoss = new double[models];
            int[] batchCorrect = new int[models];
            double[] valLoss = new double[models];
            int[] valCorrect = new int[models];
            for (int epoch = 0; anyLive(); epoch++) {
                if (shuffle) {
                    shuffleRng.shuffle(order);
                }
                for (int k = 0; k < models; k++) {
                    if (live[k]) {
                        TrialSettings t = trials.get(k);
                        double initialLr = t.optimizer().learningRate();
                        Schedule schedule = t.training().schedule();
                        baseLr[k] = (plateaus[k] == null ? initialLr : plateaus[k].learningRate()) * schedule.factor(epoch);
                        lastLr[k] = baseLr[k];
                        lossSum[k] = 0.0;
                        correct[k] = 0;
                        finite[k] = true;
                        stepping[k] = true;
                        trackers[k].beginEpoch(params[k]);
                    }
                }
                for (int start = 0; start < n && anyStepping(); start += batchSize) {
                    int count = Math.min(batchSize, n - start);
                    kernel.forwardBackward(params, grads, stepping, train.features(), train.labels(), order, start, count,
                            batchLoss, batchCorrect);
                    for (int k = 0; k < models; k++) {
                        if (stepping[k]) {
                            lossSum[k] += batchLoss[k];
                            correct[k] += batchCorrect[k];
                            trackers[k].onGradient(grads[k]);
                            lastLr[k] = optimizers[k].step(params[k], grads[k], baseLr[k]);
                            if (!Double.isFinite(batchLoss[k])) {
                                finite[k] = false;
                                stepping[k] = false;
                            }
                        }
                    }
                }
                kernel.evaluate(params, live, validation.features(), validation.labels(), validation.rows(),
                        valLoss, valCorrect);
                int ended = 0;
                for (int k = 0; k < models; k++) {
                    if (live[k]) {
                        endEpoch(k, epoch, lastLr[k], lossSum[k], correct[k], finite[k], valLoss[k], valCorrect[k]);
                        ended++;
                    }
                }
                listener.onEpochs(ended);
            }
        }

        /** Trainer's end of epoch for trial k: record, then divergence, plateau and the epoch count. */
        private void endEpoch(int k, int epoch, double lastLr, double lossSum, int correct, boolean finite,
                              double valLossSum, int valCorrect) {
            int n = train.rows();
            boolean ok = finite && Trainer.allFinite(params[k]);
            double valLoss = valLossSum / validation.rows();
            double valAccuracy = (double) valCorrect / validation.rows();
            double loss = lossSum / n;
            double accuracy = (double) correct / n;
            histories.get(k).add(new EpochRecord(epoch + 1, lastLr, loss, accuracy, valLoss, valAccuracy,
                    trackers[k].gradNorm(), EpochTracker.norm(params[k])));
            trackers[k].endEpoch(epoch + 1, params[k]);
            if (!ok || !Double.isFinite(loss) || !Double.isFinite(valLoss)) {
                finiteEnd[k] = false;
                retire(k);
                return;
            }
            PlateauSpec spec = trials.get(k).plateau();
            if (plateaus[k] != null) {
                plateaus[k].onEpochEnd(Trainer.monitored(spec, loss, accuracy, valLoss, valAccuracy));
                reductions[k] = plateaus[k].reductions();
            }
            if (epoch + 1 == trials.get(k).training().epochs()) {
                retire(k);
            }
        }

        /** A finished trial leaves the kernel's passes. */
        private void retire(int k) {
            live[k] = false;
            stepping[k] = false;
        }

        private boolean anyLive() {
            for (boolean b : live) {
                if (b) {
                    return true;
                }
            }
            return false;
        }

        private boolean anyStepping() {
            for (boolean b : stepping) {
                if (b) {
                    return true;
                }
            }
            return false;
        }

        List<TrialResult> results(long millisEach) {
            List<TrialResult> out = new ArrayList<>(models);
            for (int k = 0; k < models; k++) {
                Integer frozen = finiteEnd[k] ? trackers[k].frozenFrom() : null;
                OutcomeRules.Verdict v = OutcomeRules.judge(initialRecords[k], histories.get(k), finiteEnd[k], frozen);
                out.add(new TrialResult(v.status(), v.reason(), initialRecords[k], histories.get(k), frozen, reductions[k],
                        millisEach, null));
            }
            return out;
        }
    }
}
