package io.lrsweep.core.train;

import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.sweep.TrialGroups;

/**
 * An estimate, made before anything runs, of the heap one task needs to train a group of
 * {@code models} trials together ({@link Engine}), so that a sweep that cannot fit is refused
 * up front with the field to change instead of dying of OutOfMemoryError. It is deliberately
 * generous (above what the engine allocates), and it is the one place to update when the engine's
 * allocations change. Per model of a group:
 * <ul>
 *   <li>parameters: {@value #PARAMETER_COPIES} arrays the size of the model's parameters: the
 *       engine's {@code TrialRun} holds 5 (the weights, their gradient, the start-of-epoch copy, up
 *       to 2 optimizer slots: SGD's velocity, Adam's m and v), the group one initial copy, and the
 *       engine's layout pads every layer's width ({@code Network}); 8 covers these;</li>
 *   <li>activations: {@value #ACTIVATION_COPIES} values per batch row and unit of every layer after
 *       the input (activation, delta, output buffers), plus the input rows: the engine's
 *       {@code Kernel} holds them once per group, so counting them per model is generous;</li>
 *   <li>history: {@value #BYTES_PER_EPOCH} bytes per epoch (the epoch's record, kept until the
 *       trial's curve is written, and its list slot, reserved for every planned epoch up front).</li>
 * </ul>
 * The data (training and validation rows, features and one label each) is shared by the tasks of
 * an executor and counted once per executor, twice over: Spark keeps a broadcast's serialized
 * blocks beside its value. Doubles are 8 bytes; sums saturate at {@link Long#MAX_VALUE}.
 *
 * @param parameters     one model's weights and biases
 * @param models         models trained together in one pass (at most {@link TrialGroups#MAX_PER_GROUP})
 * @param parameterBytes bytes of parameter-sized arrays per model
 * @param activationBytes bytes of batch activations per model
 * @param historyBytes   bytes of epoch history per model
 */
public record TrainingFootprint(long parameters, int models, long parameterBytes, long activationBytes,
                                long historyBytes) {

    public static final int PARAMETER_COPIES = 8;
    public static final int ACTIVATION_COPIES = 4;
    public static final int BYTES_PER_EPOCH = 104;

    /** The footprint of {@code models} trials of {@code model} trained with {@code training} on data of this width. */
    public static TrainingFootprint of(ModelSpec model, TrainingSpec training, int features, int classes, int models) {
        int[] widths = model.widths(features, classes);
        long parameters = 0;
        long units = 0;
        for (int l = 1; l < widths.length; l++) {
            parameters = add(parameters, add(times(widths[l - 1], widths[l]), widths[l]));
            units = add(units, widths[l]);
        }
        long batch = training.batchSize();
        long parameterBytes = times(times(parameters, PARAMETER_COPIES), Double.BYTES);
        long activationBytes = times(times(batch, add(times(units, ACTIVATION_COPIES), features)), Double.BYTES);
        long historyBytes = times(training.epochs(), BYTES_PER_EPOCH);
        int group = Math.max(1, Math.min(models, TrialGroups.MAX_PER_GROUP));
        return new TrainingFootprint(parameters, group, parameterBytes, activationBytes, historyBytes);
    }

    /** Bytes one task holds while it trains its group. */
    public long taskBytes() {
        return times(models, add(parameterBytes, add(activationBytes, historyBytes)));
    }

    /** Bytes of the data one executor holds for its tasks: the broadcast's value and its serialized blocks. */
    public static long dataBytes(long rows, int features) {
        return times(2, times(rows, add(times(features, Double.BYTES), Integer.BYTES)));
    }

    /** Which setting the task's bytes grow with most: "model.hidden", "training.epochs" or "training.batch_size". */
    public String largestPart() {
        if (parameterBytes >= activationBytes && parameterBytes >= historyBytes) {
            return "model.hidden";
        }
        return historyBytes >= activationBytes ? "training.epochs" : "training.batch_size";
    }

    /** {@code a * b} for non-negative values, or {@link Long#MAX_VALUE} when it overflows. */
    public static long times(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
    }

    /** {@code a + b} for non-negative values, or {@link Long#MAX_VALUE} when it overflows. */
    public static long add(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }
}
