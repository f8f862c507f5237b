package io.lrsweep.core.train;

import io.lrsweep.core.model.ModelSpec;

/**
 * What trials must share to be trained as one group by the {@link Engine}: the model (hence the
 * parameter shapes), the batch size, the shuffle flag, and the seed, from which come both the
 * initial weights and the batch order. Everything else (optimizer and its hyperparameters,
 * decay, schedule, plateau controller, loss, epochs) may differ within a group. Group trials by
 * this key, with the same data.
 */
public record GroupKey(ModelSpec model, int batchSize, boolean shuffle, long seed) implements java.io.Serializable {

    public static GroupKey of(TrialSettings settings, long seed) {
        return new GroupKey(settings.model(), settings.training().batchSize(), settings.training().shuffle(), seed);
    }
}
