package io.lrsweep.core.sweep;

import io.lrsweep.core.data.DatasetSpec;
import io.lrsweep.core.optim.OptimizerSpec;
import io.lrsweep.core.optim.Optimizers;
import io.lrsweep.core.train.TrialSettings;

/**
 * One point of a sweep: the resolved settings and the seed, with its position in the stable
 * expansion order and its stable id ({@link TrialId}).
 */
public record TrialSpec(String sweep, String trialId, int index, DatasetSpec dataset, TrialSettings settings, long seed)
        implements java.io.Serializable {

    public OptimizerSpec optimizer() {
        return settings.optimizer();
    }

    public String optimizerName() {
        return settings.optimizer().name();
    }

    public double learningRate() {
        return settings.optimizer().learningRate();
    }

    /** The momentum; null for optimizers that have none. */
    public Double momentum() {
        return (Double) value("momentum");
    }

    /** The optimizer's field {@code key} (see its declaration), or null when it has no such field. */
    public Object value(String key) {
        return Optimizers.of(settings.optimizer()).values(settings.optimizer()).get(key);
    }

    public double decay() {
        return settings.optimizer().decay();
    }

    /** Plateau patience, or null when no plateau controller is used. */
    public Integer patience() {
        return settings.patience();
    }
}
