package io.lrsweep.core.sweep;

import io.lrsweep.core.schedule.Monitor;
import io.lrsweep.core.schedule.PlateauSpec;

/**
 * The ReduceLROnPlateau settings shared by every trial of a sweep: a {@link PlateauSpec} without
 * its patience, because patience is a grid axis. Validated by {@link PlateauSpec} itself, so the
 * rules live in one place.
 */
public record PlateauTemplate(Monitor monitor, double factor, double minDelta, int cooldown, double minLr) {

    public PlateauTemplate {
        new PlateauSpec(monitor, factor, 0, minDelta, cooldown, minLr);
    }

    /** Keras's defaults: val_loss, factor 0.1, min_delta 1e-4, cooldown 0, min_lr 0. */
    public static PlateauTemplate kerasDefaults() {
        PlateauSpec d = PlateauSpec.kerasDefaults();
        return new PlateauTemplate(d.monitor(), d.factor(), d.minDelta(), d.cooldown(), d.minLr());
    }

    /** The plateau controller of a trial with this {@code patience}. */
    public PlateauSpec withPatience(int patience) {
        return new PlateauSpec(monitor, factor, patience, minDelta, cooldown, minLr);
    }
}
