package io.lrsweep.core.train;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.model.Kernel;
import io.lrsweep.core.model.LossFunction;
import io.lrsweep.core.optim.Optimizer;
import io.lrsweep.core.optim.ParameterBlock;
import io.lrsweep.core.schedule.PlateauController;
import io.lrsweep.core.schedule.PlateauSpec;
import io.lrsweep.core.schedule.Schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One trial of a group, Keras {@code fit} style: its parameters, gradient and optimizer state in
 * the engine's layout for the whole run, its plateau controller and its history. The group
 * ({@link Engine}) hands it each epoch's batch order; everything else is the trial's own.
 *
 * <p>Per epoch: one update per batch (the last batch may be smaller), each at the learning rate
 * {@link LearningRate} gives for it; the epoch's loss is the training rows' losses (computed before
 * each batch's update) summed in batch order, over the rows; then a full pass over the validation
 * rows; then the plateau controller, whose cut applies from the next epoch.
 *
 * <p>A frozen epoch is one in which no row passed a gradient and no parameter changed. When the
 * optimizer's state can no longer move the parameters either ({@link Optimizer#idleWithoutGradient}),
 * nothing about the net can change again: the remaining epochs are then filled in exactly without
 * training (each epoch's loss is the same per-row losses summed in that epoch's batch order, the
 * validation values and weights are those of the frozen epoch, the gradient norm is 0, and the
 * learning rate and plateau controller go on as they would).
 */
final class TrialRun {
    private final TrialSettings settings;
    private final LossFunction loss;
    private final double[] params;
    private final double[] grads;
    private final double[] epochStart;
    private final Optimizer optimizer;
    private final PlateauController plateau;
    private final Schedule schedule;
    private final double base;
    private final long updatesPerEpoch;
    private final long totalUpdates;
    private final List<EpochRecord> history;
    private EpochRecord initial;
    private boolean live = true;
    private boolean finite = true;
    private Integer frozenFrom;
    private Integer filledFrom;
    private double[] frozenRowLosses;
    private EpochRecord frozenRecord;
    private long nanos;
    private String error;
    private final boolean fillFrozen;

    TrialRun(TrialSettings settings, double[] initialParams, ParameterBlock block, int trainRows, boolean fillFrozen) {
        this.fillFrozen = fillFrozen;
        this.settings = settings;
        this.loss = settings.training().loss();
        this.params = initialParams.clone();
        this.grads = new double[params.length];
        this.epochStart = new double[params.length];
        this.optimizer = new Optimizer(settings.optimizer(), block);
        PlateauSpec p = settings.plateau();
        this.base = settings.optimizer().learningRate();
        this.plateau = p == null ? null : new PlateauController(p, base);
        this.schedule = settings.training().schedule();
        int batch = Math.min(settings.training().batchSize(), trainRows);
        this.updatesPerEpoch = (trainRows + batch - 1) / batch;
        this.totalUpdates = updatesPerEpoch * settings.training().epochs();
        this.history = new ArrayList<>(settings.training().epochs());
    }

    boolean live() {
        return live;
    }

    /** The learning rate of update {@code t}, with the plateau controller as it stands. */
    private double learningRate(long t) {
        double lr = plateau == null ? base : plateau.learningRate();
        return LearningRate.of(lr, schedule.factor(t, updatesPerEpoch, totalUpdates), settings.optimizer().decay(), t);
    }

    /**
     * Epoch 0: the net before any update, over the training rows and the validation rows. Throws
     * (so the trial fails with the reason) when the schedule cannot run with this trial's updates.
     */
    void start(Kernel kernel, Dataset train, Dataset validation) {
        schedule.check(updatesPerEpoch, totalUpdates);
        long t0 = System.nanoTime();
        Kernel.Evaluation tr = kernel.evaluateAll(loss, params, train);
        Kernel.Evaluation va = kernel.evaluateAll(loss, params, validation);
        initial = new EpochRecord(0, learningRate(0), tr.lossSum() / train.rows(), (double) tr.correct() / train.rows(),
                va.lossSum() / validation.rows(), (double) va.correct() / validation.rows(), Double.NaN, kernel.norm(params),
                optimizer.l2Penalty(params));
        if (!Double.isFinite(initial.loss()) || !Double.isFinite(initial.valLoss()) || !allFinite(params)) {
            finite = false;
            live = false;
        }
        nanos += System.nanoTime() - t0;
    }

    /** Runs epoch {@code epoch} (1-based) on the batch order {@code order}. */
    void epoch(int epoch, int[] order, Kernel kernel, Dataset train, Dataset validation) {
        long t0 = System.nanoTime();
        EpochRecord r = filledFrom != null ? filledEpoch(epoch, order, train)
                : trainedEpoch(epoch, order, kernel, train, validation);
        history.add(r);
        if (!Double.isFinite(r.loss()) || !Double.isFinite(r.valLoss()) || !allFinite(params)) {
            finite = false;
            live = false;
        } else {
            if (plateau != null) {
                plateau.onEpochEnd(monitored(plateau.spec(), r));
            }
            if (fillFrozen && filledFrom == null && frozenFrom != null && epoch < settings.training().epochs()
                    && optimizer.idleWithoutGradient()) {
                freeze(kernel, train, r);
                filledFrom = epoch + 1;
            }
            if (epoch == settings.training().epochs()) {
                live = false;
            }
        }
        nanos += System.nanoTime() - t0;
    }

    private EpochRecord trainedEpoch(int epoch, int[] order, Kernel kernel, Dataset train, Dataset validation) {
        System.arraycopy(params, 0, epochStart, 0, params.length);
        int n = train.rows();
        int batch = Math.min(settings.training().batchSize(), n);
        double lossSum = 0.0;
        int correct = 0;
        int passing = 0;
        double gradNormSum = 0.0;
        int steps = 0;
        double lastLr = learningRate(optimizer.updates());
        for (int start = 0; start < n; start += batch) {
            int count = Math.min(batch, n - start);
            kernel.loadBatch(train, order, start, count);
            kernel.trainStep(loss, params, grads);
            lossSum = kernel.addLosses(lossSum);
            correct += kernel.correct();
            passing += kernel.passingRows();
            gradNormSum = gradNormSum + kernel.norm(grads);
            steps++;
            lastLr = learningRate(optimizer.updates());
            optimizer.step(params, grads, lastLr);
            if (!Double.isFinite(lossSum)) {
                break; // diverged: no further steps this epoch; the record shows it
            }
        }
        Kernel.Evaluation va = kernel.evaluateAll(loss, params, validation);
        boolean frozen = passing == 0 && Arrays.equals(params, epochStart);
        frozenFrom = frozen ? (frozenFrom == null ? Integer.valueOf(epoch) : frozenFrom) : null;
        return new EpochRecord(epoch, lastLr, lossSum / n, (double) correct / n, va.lossSum() / validation.rows(),
                (double) va.correct() / validation.rows(), gradNormSum / steps, kernel.norm(params), optimizer.l2Penalty(params));
    }

    /** Keeps what a frozen net's later epochs are made of: its per-row training losses, in data order. */
    private void freeze(Kernel kernel, Dataset train, EpochRecord last) {
        frozenRowLosses = new double[train.rows()];
        for (int from = 0; from < train.rows(); from += kernel.maxRows()) {
            int count = Math.min(kernel.maxRows(), train.rows() - from);
            kernel.loadRows(train, from, count);
            kernel.evaluate(loss, params);
            for (int b = 0; b < count; b++) {
                frozenRowLosses[from + b] = kernel.rowLoss(b);
            }
        }
        frozenRecord = last;
    }

    /** A frozen net's epoch, as training it would have recorded it, without training. */
    private EpochRecord filledEpoch(int epoch, int[] order, Dataset train) {
        int n = train.rows();
        double lossSum = 0.0;
        for (int j = 0; j < n; j++) {
            lossSum = lossSum + frozenRowLosses[order[j]];
        }
        optimizer.skip(updatesPerEpoch - 1);
        double lastLr = learningRate(optimizer.updates());
        optimizer.skip(1);
        return new EpochRecord(epoch, lastLr, lossSum / n, frozenRecord.accuracy(), frozenRecord.valLoss(),
                frozenRecord.valAccuracy(), 0.0, frozenRecord.weightNorm(), frozenRecord.l2Penalty());
    }

    void fail(RuntimeException e) {
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
        live = false;
    }

    TrialResult result() {
        long millis = nanos / 1_000_000L;
        int reductions = plateau == null ? 0 : plateau.reductions();
        if (error != null) {
            return new TrialResult(TrialStatus.FAILED, error, initial, history, null, reductions, millis, error);
        }
        Integer frozen = finite ? frozenFrom : null;
        OutcomeRules.Verdict v = OutcomeRules.judge(initial, history, finite, frozen, finite ? filledFrom : null);
        return new TrialResult(v.status(), v.reason(), initial, history, frozen, reductions, millis, null);
    }

    static double monitored(PlateauSpec spec, EpochRecord r) {
        return switch (spec.monitor()) {
            case VAL_LOSS -> r.valLoss();
            case LOSS -> r.loss();
            case VAL_ACCURACY -> r.valAccuracy();
            case ACCURACY -> r.accuracy();
        };
    }

    static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
