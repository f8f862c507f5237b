package io.lrsweep.core.model;

/**
 * The models' parameters and gradients as the loops read and write them: row arrays, refreshed
 * from each model's flat Keras-layout parameters before a batch and written back into its flat
 * gradient after it (a few hundred values per model each way).
 *
 * <p>Layer 0's rows hold all models side by side, model k at {@code [k * firstStride, ...)},
 * so that the first layer runs as one wide layer for all models; deeper layers keep one set of
 * rows per model: the kernel by input row (for the wide forward pass), by output row (narrow
 * forward pass and the delta), the bias, and the gradients by whichever row the loops fill.
 */
final class WeightRows {
    private final int[] widths;
    private final int[] kernelOffset;
    private final int[] biasOffset;
    private final int models;
    private final int firstStride;
    final double[][] firstKernel;
    final double[] firstBias;
    final double[][] firstKernelGrad;
    final double[] firstBiasGrad;
    final double[][][][] kernelRows;
    final double[][][][] kernelByOutput;
    final double[][][] bias;
    final double[][][][] kernelGrad;
    final double[][][] biasGrad;

    WeightRows(int[] widths, int[] kernelOffset, int[] biasOffset, int models, int firstStride) {
        this.widths = widths;
        this.kernelOffset = kernelOffset;
        this.biasOffset = biasOffset;
        this.models = models;
        this.firstStride = firstStride;
        int layers = widths.length - 1;
        int firstWidth = models * firstStride;
        firstKernel = new double[widths[0]][firstWidth];
        firstBias = new double[firstWidth];
        firstKernelGrad = new double[widths[0]][firstWidth];
        firstBiasGrad = new double[firstWidth];
        kernelRows = new double[layers][][][];
        kernelByOutput = new double[layers][][][];
        bias = new double[layers][][];
        kernelGrad = new double[layers][][][];
        biasGrad = new double[layers][][];
        for (int l = 1; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            kernelRows[l] = wideForward(widths, l) ? new double[models][in][out] : null;
            kernelByOutput[l] = new double[models][out][in];
            bias[l] = new double[models][out];
            kernelGrad[l] = gradByInput(widths, l) ? new double[models][in][out] : new double[models][out][in];
            biasGrad[l] = new double[models][out];
        }
    }

    /** Whether layer l's forward pass runs along its outputs (else it sums along its inputs). */
    static boolean wideForward(int[] widths, int l) {
        return widths[l + 1] >= Mlp.WIDE_OUTPUT;
    }

    /** Whether layer l's kernel gradient is accumulated by input row (else by output row). */
    static boolean gradByInput(int[] widths, int l) {
        return widths[l + 1] >= widths[l];
    }

    /** Copies each active model's parameters into the row arrays the loops read. */
    void load(double[][] params, boolean[] active) {
        int in0 = widths[0];
        int out0 = widths[1];
        for (int k = 0; k < models; k++) {
            if (active != null && !active[k]) {
                continue;
            }
            double[] p = params[k];
            int slice = k * firstStride;
            for (int i = 0; i < in0; i++) {
                System.arraycopy(p, i * out0, firstKernel[i], slice, out0);
            }
            System.arraycopy(p, biasOffset[0], firstBias, slice, out0);
            for (int l = 1; l < widths.length - 1; l++) {
                int in = widths[l];
                int out = widths[l + 1];
                int kernel = kernelOffset[l];
                if (kernelRows[l] != null) {
                    for (int i = 0; i < in; i++) {
                        System.arraycopy(p, kernel + i * out, kernelRows[l][k][i], 0, out);
                    }
                }
                double[][] wT = kernelByOutput[l][k];
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        wT[o][i] = p[kernel + i * out + o];
                    }
                }
                System.arraycopy(p, biasOffset[l], bias[l][k], 0, out);
            }
        }
    }

    /** Writes each active model's gradient from the row arrays into its Keras-layout array. */
    void store(double[][] grads, boolean[] active) {
        int in0 = widths[0];
        int out0 = widths[1];
        for (int k = 0; k < models; k++) {
            if (active != null && !active[k]) {
                continue;
            }
            double[] g = grads[k];
            int slice = k * firstStride;
            for (int i = 0; i < in0; i++) {
                System.arraycopy(firstKernelGrad[i], slice, g, i * out0, out0);
            }
            System.arraycopy(firstBiasGrad, slice, g, biasOffset[0], out0);
            for (int l = 1; l < widths.length - 1; l++) {
                int in = widths[l];
                int out = widths[l + 1];
                int kernel = kernelOffset[l];
                double[][] rows = kernelGrad[l][k];
                if (gradByInput(widths, l)) {
                    for (int i = 0; i < in; i++) {
                        System.arraycopy(rows[i], 0, g, kernel + i * out, out);
                    }
                } else {
                    for (int o = 0; o < out; o++) {
                        double[] go = rows[o];
                        for (int i = 0; i < in; i++) {
                            g[kernel + i * out + o] = go[i];
                        }
                    }
                }
                System.arraycopy(biasGrad[l][k], 0, g, biasOffset[l], out);
            }
        }
    }
}
