package io.lrsweep.core.train;

import java.util.Arrays;

/**
 * One trial's per-epoch bookkeeping beside the training itself: the gradient norms of the
 * epoch's updates, whether any gradient was non-zero, and the weights at the epoch's start, from
 * which the end of the epoch tells whether the net was frozen.
 */
final class EpochTracker {
    private final double[] start;
    private double gradNormSum;
    private int updates;
    private boolean anyGradient;
    private Integer frozenFrom;

    EpochTracker(int parameters) {
        this.start = new double[parameters];
    }

    void beginEpoch(double[] params) {
        System.arraycopy(params, 0, start, 0, start.length);
        gradNormSum = 0.0;
        updates = 0;
        anyGradient = false;
    }

    void onGradient(double[] grad) {
        double s = 0.0;
        boolean nonZero = false;
        for (double g : grad) {
            s += g * g;
            nonZero |= g != 0.0;
        }
        anyGradient |= nonZero;
        gradNormSum += Math.sqrt(s);
        updates++;
    }

    /** Mean L2 norm of the epoch's batch gradients. */
    double gradNorm() {
        return updates == 0 ? Double.NaN : gradNormSum / updates;
    }

    /** Ends epoch {@code epoch} (1-based): frozen when no gradient was non-zero and no weight changed. */
    void endEpoch(int epoch, double[] params) {
        boolean frozen = !anyGradient && Arrays.equals(start, params);
        frozenFrom = frozen ? (frozenFrom == null ? epoch : frozenFrom) : null;
    }

    /** The first epoch of the frozen stretch that reaches the last ended epoch, or null. */
    Integer frozenFrom() {
        return frozenFrom;
    }

    static double norm(double[] p) {
        double s = 0.0;
        for (double v : p) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
