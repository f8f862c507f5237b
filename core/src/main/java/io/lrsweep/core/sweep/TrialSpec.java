package io.lrsweep.core.sweep;

import io.lrsweep.core.data.DatasetSpec;
import io.lrsweep.core.optim.OptimizerSpec;
import io.lrsweep.core.optim.Optimizers;
import io.lrsweep.core.train.TrialSettings;

import java.util.List;

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

    /** Nesterov momentum (false at momentum 0); null for optimizers without it. */
    public Boolean nesterov() {
        return (Boolean) value("nesterov");
    }

    /** The weight decay of the kernels (coupled L2, or adamw's decoupled decay). */
    public double weightDecay() {
        return settings.optimizer().weightDecay();
    }

    /** The schedule as one text, its kind first: {@code cosine(warmup_epochs=5,min_factor=0)}. */
    public String schedule() {
        return settings.training().schedule().text();
    }

    public int batchSize() {
        return settings.training().batchSize();
    }

    /** The hidden layers' widths as a text: {@code [64,64]}. */
    public String hidden() {
        return settings.model().hidden().toString().replace(" ", "");
    }

    /** How many hidden layers (the depth). */
    public int hiddenLayers() {
        return settings.model().hidden().size();
    }

    /** The hidden layers' common width, or null when they differ (for [64, 32]). */
    public Integer hiddenWidth() {
        List<Integer> h = settings.model().hidden();
        return h.stream().allMatch(w -> w.equals(h.get(0))) ? h.get(0) : null;
    }
}
