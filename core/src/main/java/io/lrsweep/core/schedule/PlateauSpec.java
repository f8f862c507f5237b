package io.lrsweep.core.schedule;

/**
 * Keras's ReduceLROnPlateau settings (Keras defaults: monitor val_loss, factor 0.1, patience 10,
 * min_delta 1e-4, cooldown 0, min_lr 0; mode follows the monitor). The reference experiment
 * uses min_delta 1e-7.
 */
public record PlateauSpec(Monitor monitor, double factor, int patience, double minDelta, int cooldown, double minLr)
        implements java.io.Serializable {

    public static final double DEFAULT_FACTOR = 0.1;
    public static final int DEFAULT_PATIENCE = 10;
    public static final double DEFAULT_MIN_DELTA = 1e-4;

    public PlateauSpec {
        if (monitor == null) {
            throw new IllegalArgumentException("plateau.monitor must be one of [val_loss, loss, val_accuracy, accuracy], got null");
        }
        if (!(factor > 0.0 && factor < 1.0)) {
            throw new IllegalArgumentException("plateau.factor must be in (0, 1), got " + factor);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be an integer >= 0 (or null for no plateau control), got " + patience);
        }
        if (!(minDelta >= 0.0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("plateau.min_delta must be a finite number >= 0, got " + minDelta);
        }
        if (cooldown < 0) {
            throw new IllegalArgumentException("plateau.cooldown must be an integer >= 0, got " + cooldown);
        }
        if (!(minLr >= 0.0) || Double.isInfinite(minLr)) {
            throw new IllegalArgumentException("plateau.min_lr must be a finite number >= 0, got " + minLr);
        }
    }

    public static PlateauSpec kerasDefaults() {
        return new PlateauSpec(Monitor.VAL_LOSS, DEFAULT_FACTOR, DEFAULT_PATIENCE, DEFAULT_MIN_DELTA, 0, 0.0);
    }

    public PlateauSpec withPatience(int p) {
        return new PlateauSpec(monitor, factor, p, minDelta, cooldown, minLr);
    }
}
