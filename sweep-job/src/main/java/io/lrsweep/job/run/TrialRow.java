package io.lrsweep.job.run;

import io.lrsweep.core.sweep.TrialSpec;
import io.lrsweep.core.train.EpochRecord;
import io.lrsweep.core.train.TrialResult;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * One row of {@code trials/} as a value (Schemas.TRIALS, column by column): what a finished trial
 * leaves behind besides its curve, small enough for the driver to hold one per trial. Built from
 * a trial and its result, or read back from a Spark row by column name. {@code hiddenLayers} (like
 * {@code schedule}, {@code nesterov}, {@code hidden}) is null when read from an output older than it.
 */
public record TrialRow(String sweep, String trialId, String optimizer, double learningRate, Double momentum,
                       double decay, Integer patience, long seed, int trialIndex, int batchSize, int epochs,
                       String status, String statusReason, int epochsCompleted, Double initialLoss,
                       Double initialValLoss, Double finalLoss, Double finalAccuracy, Double finalValLoss,
                       Double finalValAccuracy, Double bestValLoss, Integer bestEpoch, Integer frozenEpoch,
                       int lrReductions, long trainMillis, String error, String schedule, double weightDecay,
                       Boolean nesterov, String hidden, Integer hiddenLayers, Integer hiddenWidth) implements java.io.Serializable {

    public static TrialRow of(TrialSpec trial, TrialResult result) {
        EpochRecord initial = result.initial();
        EpochRecord last = result.last();
        EpochRecord best = result.bestByValLoss();
        return new TrialRow(trial.sweep(), trial.trialId(), trial.optimizerName(), trial.learningRate(), trial.momentum(),
                trial.decay(), trial.patience(), trial.seed(), trial.index(), trial.settings().training().batchSize(),
                trial.settings().training().epochs(), result.status().label, result.statusReason(),
                result.epochsCompleted(),
                initial == null ? null : initial.loss(), initial == null ? null : initial.valLoss(),
                last == null ? null : last.loss(), last == null ? null : last.accuracy(),
                last == null ? null : last.valLoss(), last == null ? null : last.valAccuracy(),
                best == null ? null : best.valLoss(), best == null ? null : best.epoch(), result.frozenEpoch(),
                result.lrReductions(), result.trainMillis(), result.error(), trial.schedule(), trial.weightDecay(),
                trial.nesterov(), trial.hidden(), trial.hiddenLayers(), trial.hiddenWidth());
    }

    /**
     * This trial as if it had stopped after epoch {@code epoch} of its curve: that epoch's values as
     * its final ones and {@code status} as its status (the transfer analysis's epoch budget). The
     * best val_loss and its epoch are left null: they belong to the whole run.
     */
    public TrialRow atEpoch(int epoch, String status, Double loss, Double accuracy, Double valLoss, Double valAccuracy) {
        return new TrialRow(sweep, trialId, optimizer, learningRate, momentum, decay, patience, seed, trialIndex, batchSize,
                epoch, status, statusReason, Math.min(epoch, epochsCompleted), initialLoss, initialValLoss, loss, accuracy,
                valLoss, valAccuracy, null, null, frozenEpoch, lrReductions, trainMillis, error, schedule, weightDecay,
                nesterov, hidden, hiddenLayers, hiddenWidth);
    }

    /**
     * Reads a row of {@code trials/} by column name (columns in any order, extra columns ignored; the
     * newer axes' columns may be absent: weight decay then reads 0, the others null).
     */
    public static TrialRow fromRow(Row r) {
        return new TrialRow(r.getAs("sweep"), r.getAs("trial_id"), r.getAs("optimizer"), r.<Double>getAs("learning_rate"),
                r.getAs("momentum"), r.<Double>getAs("decay"), r.getAs("patience"), r.<Long>getAs("seed"),
                r.<Integer>getAs("trial_index"), r.<Integer>getAs("batch_size"), r.<Integer>getAs("epochs"),
                r.getAs("status"), r.getAs("status_reason"), r.<Integer>getAs("epochs_completed"),
                r.getAs("initial_loss"), r.getAs("initial_val_loss"), r.getAs("final_loss"), r.getAs("final_accuracy"),
                r.getAs("final_val_loss"), r.getAs("final_val_accuracy"), r.getAs("best_val_loss"), r.getAs("best_epoch"),
                r.getAs("frozen_epoch"), r.<Integer>getAs("lr_reductions"), r.<Long>getAs("train_millis"), r.getAs("error"),
                newer(r, "schedule"), weightDecay(r),
                newer(r, "nesterov"), newer(r, "hidden"), newer(r, "hidden_layers"), newer(r, "hidden_width"));
    }

    /** weight_decay, 0 in a row of an output older than the column (absent, or read as null). */
    private static double weightDecay(Row r) {
        Double wd = newer(r, "weight_decay");
        return wd == null ? 0.0 : wd;
    }

    /** A column of the newer axes, null in a row of an output older than it (as TrialsTable reads it). */
    private static <T> T newer(Row r, String column) {
        return r.schema() != null && java.util.Arrays.asList(r.schema().fieldNames()).contains(column) ? r.getAs(column) : null;
    }

    /** This value as a row of Schemas.TRIALS. */
    public Row toRow() {
        StructType s = Schemas.TRIALS;
        Object[] v = new Object[s.size()];
        v[s.fieldIndex("sweep")] = sweep;
        v[s.fieldIndex("trial_id")] = trialId;
        v[s.fieldIndex("optimizer")] = optimizer;
        v[s.fieldIndex("learning_rate")] = learningRate;
        v[s.fieldIndex("momentum")] = momentum;
        v[s.fieldIndex("decay")] = decay;
        v[s.fieldIndex("patience")] = patience;
        v[s.fieldIndex("seed")] = seed;
        v[s.fieldIndex("trial_index")] = trialIndex;
        v[s.fieldIndex("batch_size")] = batchSize;
        v[s.fieldIndex("epochs")] = epochs;
        v[s.fieldIndex("status")] = status;
        v[s.fieldIndex("status_reason")] = statusReason;
        v[s.fieldIndex("epochs_completed")] = epochsCompleted;
        v[s.fieldIndex("initial_loss")] = initialLoss;
        v[s.fieldIndex("initial_val_loss")] = initialValLoss;
        v[s.fieldIndex("final_loss")] = finalLoss;
        v[s.fieldIndex("final_accuracy")] = finalAccuracy;
        v[s.fieldIndex("final_val_loss")] = finalValLoss;
        v[s.fieldIndex("final_val_accuracy")] = finalValAccuracy;
        v[s.fieldIndex("best_val_loss")] = bestValLoss;
        v[s.fieldIndex("best_epoch")] = bestEpoch;
        v[s.fieldIndex("frozen_epoch")] = frozenEpoch;
        v[s.fieldIndex("lr_reductions")] = lrReductions;
        v[s.fieldIndex("train_millis")] = trainMillis;
        v[s.fieldIndex("error")] = error;
        v[s.fieldIndex("schedule")] = schedule;
        v[s.fieldIndex("weight_decay")] = weightDecay;
        v[s.fieldIndex("nesterov")] = nesterov;
        v[s.fieldIndex("hidden")] = hidden;
        v[s.fieldIndex("hidden_layers")] = hiddenLayers;
        v[s.fieldIndex("hidden_width")] = hiddenWidth;
        return RowFactory.create(v);
    }
}
