package io.lrsweep.core.train;

import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.optim.OptimizerSpec;
import io.lrsweep.core.schedule.PlateauSpec;

/**
 * Everything that decides one training run besides the data and the seed. {@code plateau} is
 * null when no plateau controller is used.
 */
public record TrialSettings(ModelSpec model, TrainingSpec training, OptimizerSpec optimizer, PlateauSpec plateau)
        implements java.io.Serializable {

    public TrialSettings {
        if (model == null || training == null || optimizer == null) {
            throw new IllegalArgumentException("model, training and optimizer are required");
        }
    }

    /** The plateau patience, or null without a plateau controller. */
    public Integer patience() {
        return plateau == null ? null : plateau.patience();
    }
}
