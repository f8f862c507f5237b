package io.lrsweep.core.train;

import io.lrsweep.core.model.ModelSpec;

/**
 * What trials must share to be trained together by {@link FusedTrainer}: the model (hence the
 * parameter shapes), the batch size and the shuffle flag, and the seed, from which come both the
 * initial weights and the batch order. Everything else (optimizer and its hyperparameters,
 * decay, schedule, plateau controller, epochs) may differ between the trials of a group.
 * Group trials by this key, with the same data.
 */
public record FusionKey(ModelSpec model, int batchSize, boolean shuffle, long seed) implements java.io.Serializable {

    public static FusionKey of(TrialSettings settings, long seed) {
        return new FusionKey(settings.model(), settings.training().batchSize(), settings.training().shuffle(), seed);
    }
}
