package io.lrsweep.job.run;

import io.lrsweep.core.sweep.TrialSpec;
import io.lrsweep.core.train.EpochRecord;
import io.lrsweep.core.train.TrialResult;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A finished trial as it leaves an executor, and its rows for {@code curves/} and {@code trials/}. */
public record TrialOutcome(TrialSpec trial, TrialResult result) implements Serializable {

    /** A row's values set by column name, so that a row cannot drift from its schema by position. */
    private static final class Values {
        private final StructType schema;
        private final Object[] v;

        Values(StructType schema) {
            this.schema = schema;
            this.v = new Object[schema.size()];
        }

        Values put(String column, Object value) {
            v[schema.fieldIndex(column)] = value;
            return this;
        }

        Row row() {
            return RowFactory.create(v);
        }
    }

    private Values settings(StructType schema) {
        return new Values(schema)
                .put("sweep", trial.sweep())
                .put("trial_id", trial.trialId())
                .put("optimizer", trial.optimizerName())
                .put("learning_rate", trial.learningRate())
                .put("momentum", trial.momentum())
                .put("decay", trial.decay())
                .put("patience", trial.patience())
                .put("seed", trial.seed())
                .put("schedule", trial.schedule())
                .put("weight_decay", trial.weightDecay())
                .put("nesterov", trial.nesterov())
                .put("hidden", trial.hidden());
    }

    /** One row per recorded epoch, epoch 0 first (Schemas.CURVES). */
    public Iterator<Row> curveRows() {
        List<Row> rows = new ArrayList<>(result.history().size() + 1);
        if (result.initial() != null) {
            rows.add(curveRow(result.initial()));
        }
        for (EpochRecord e : result.history()) {
            rows.add(curveRow(e));
        }
        return rows.iterator();
    }

    private Row curveRow(EpochRecord e) {
        return settings(Schemas.CURVES)
                .put("batch_size", trial.batchSize())
                .put("epoch", e.epoch())
                .put("lr", e.lr())
                .put("loss", e.loss())
                .put("accuracy", e.accuracy())
                .put("val_loss", e.valLoss())
                .put("val_accuracy", e.valAccuracy())
                .put("grad_norm", e.epoch() == 0 ? null : e.gradNorm())
                .put("weight_norm", e.weightNorm())
                .put("l2_penalty", e.l2Penalty())
                .row();
    }

    /** The trial's summary row (Schemas.TRIALS). */
    public Row trialRow() {
        return TrialRow.of(trial, result).toRow();
    }
}
