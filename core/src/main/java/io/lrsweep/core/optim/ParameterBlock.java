package io.lrsweep.core.optim;

import java.util.Arrays;

/**
 * Where a model's kernel weights lie in its parameter block: the block's length and the runs of
 * real kernel weights in it (start and length of each), in index order. Biases and the layout's
 * zero padding lie outside every run. Weight decay acts on the runs only, so it never touches a
 * bias (Keras's {@code kernel_regularizer}; PyTorch with the biases in a parameter group without
 * weight decay) and never a pad, which therefore stays +0. Made once per network
 * ({@code io.lrsweep.core.model.Network#parameterBlock()}) and shared by every model of that shape.
 */
public final class ParameterBlock implements java.io.Serializable {
    private final int length;
    private final int[] runStart;
    private final int[] runLength;

    /**
     * @param length    the block's length, padding included
     * @param runStart  where each run of kernel weights starts, ascending, runs not overlapping
     * @param runLength how long each run is (>= 1)
     */
    public ParameterBlock(int length, int[] runStart, int[] runLength) {
        if (runStart.length != runLength.length) {
            throw new IllegalArgumentException("one length per run start: " + runStart.length + " starts, "
                    + runLength.length + " lengths");
        }
        int end = 0;
        for (int r = 0; r < runStart.length; r++) {
            if (runStart[r] < end || runLength[r] < 1 || runStart[r] + runLength[r] > length) {
                throw new IllegalArgumentException("run " + r + " [" + runStart[r] + ", +" + runLength[r]
                        + ") is not ascending, empty, overlapping or beyond the block of " + length);
            }
            end = runStart[r] + runLength[r];
        }
        this.length = length;
        this.runStart = runStart.clone();
        this.runLength = runLength.clone();
    }

    /** A block whose every entry is a kernel weight (for tests and plain vectors). */
    public static ParameterBlock allKernel(int length) {
        return length == 0 ? new ParameterBlock(0, new int[0], new int[0])
                : new ParameterBlock(length, new int[]{0}, new int[]{length});
    }

    public int length() {
        return length;
    }

    public int runs() {
        return runStart.length;
    }

    public int runStart(int r) {
        return runStart[r];
    }

    public int runLength(int r) {
        return runLength[r];
    }

    /** Whether entry {@code i} is a kernel weight. */
    public boolean isKernel(int i) {
        for (int r = 0; r < runStart.length; r++) {
            if (i >= runStart[r] && i < runStart[r] + runLength[r]) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code sum(w^2)} over the kernel weights, run by run in index order from +0: the sum in
     * Keras's l2 penalty {@code wd * sum(w^2)}.
     */
    public double kernelSumOfSquares(double[] w) {
        double s = 0.0;
        for (int r = 0; r < runStart.length; r++) {
            for (int i = runStart[r], end = runStart[r] + runLength[r]; i < end; i++) {
                s = s + w[i] * w[i];
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return "ParameterBlock[" + length + ", runs " + Arrays.toString(runStart) + " x " + Arrays.toString(runLength) + "]";
    }
}
