package io.lrsweep.job.run;

import io.lrsweep.core.sweep.TrialSpec;
import io.lrsweep.core.train.EpochRecord;
import io.lrsweep.core.train.TrialResult;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A finished trial as it leaves an executor, and its rows for {@code curves/} and {@code trials/}. */
public record TrialOutcome(TrialSpec trial, TrialResult result) implements Serializable {

    private Object[] settings(int extra) {
        Object[] v = new Object[8 + extra];
        v[0] = trial.sweep();
        v[1] = trial.trialId();
        v[2] = trial.optimizerName();
        v[3] = trial.learningRate();
        v[4] = trial.momentum();
        v[5] = trial.decay();
        v[6] = trial.patience();
        v[7] = trial.seed();
        return v;
    }

    /** One row per completed epoch, in epoch order (Schemas.CURVES). */
    public Iterator<Row> curveRows() {
        List<Row> rows = new ArrayList<>(result.history().size());
        for (EpochRecord e : result.history()) {
            Object[] v = settings(6);
            v[8] = e.epoch();
            v[9] = e.lr();
            v[10] = e.loss();
            v[11] = e.accuracy();
            v[12] = e.valLoss();
            v[13] = e.valAccuracy();
            rows.add(RowFactory.create(v));
        }
        return rows.iterator();
    }

    /** The trial's summary row (Schemas.TRIALS). */
    public Row trialRow() {
        EpochRecord last = result.last();
        EpochRecord best = result.bestByValLoss();
        Object[] v = settings(14);
        v[8] = trial.index();
        v[9] = trial.settings().training().batchSize();
        v[10] = trial.settings().training().epochs();
        v[11] = result.status().label;
        v[12] = result.epochsCompleted();
        v[13] = last == null ? null : last.loss();
        v[14] = last == null ? null : last.accuracy();
        v[15] = last == null ? null : last.valLoss();
        v[16] = last == null ? null : last.valAccuracy();
        v[17] = best == null ? null : best.valLoss();
        v[18] = best == null ? null : best.epoch();
        v[19] = result.lrReductions();
        v[20] = result.trainMillis();
        v[21] = result.error();
        return RowFactory.create(v);
    }
}
