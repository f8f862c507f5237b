package io.lrsweep.bench;

/**
 * Floating-point operations of one trial, counted from the model shape alone; a multiply-add
 * counts 2. With {@code w} the layer widths from input to output:
 * <ul>
 *   <li>forward pass, per row: {@code 2·Σ_l w[l]·w[l+1]};</li>
 *   <li>per training row: the forward pass, the kernel gradients (as many again) and the deltas
 *       of every layer above the first, {@code 2·Σ_{l>=1} w[l]·w[l+1]} (the input needs none);</li>
 *   <li>per validation row: the forward pass (the per-epoch validation pass).</li>
 * </ul>
 * Per trial: {@code epochs · (trainRows · trainingRow + validationRows · forward)}. Not counted:
 * bias adds, activations, softmax and loss, optimizer updates, and the one forward pass over both
 * sets at epoch 0 (under 1% of a trial of 100 epochs or more).
 */
public final class Flops {
    private Flops() {}

    /** Forward pass of one row. */
    public static long forwardPerRow(int[] widths) {
        long flops = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            flops += 2L * widths[l] * widths[l + 1];
        }
        return flops;
    }

    /** Forward pass, kernel gradients and deltas of one training row. */
    public static long trainingPerRow(int[] widths) {
        long deltas = 0;
        for (int l = 1; l + 1 < widths.length; l++) {
            deltas += 2L * widths[l] * widths[l + 1];
        }
        return 2 * forwardPerRow(widths) + deltas;
    }

    public static long perTrial(int[] widths, int trainRows, int validationRows, int epochs) {
        return (long) epochs * (trainRows * trainingPerRow(widths) + validationRows * forwardPerRow(widths));
    }
}
