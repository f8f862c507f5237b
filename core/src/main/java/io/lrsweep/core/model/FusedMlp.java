package io.lrsweep.core.model;

/**
 * The training kernel for {@code models} networks of one shape trained on the same batches: one
 * pass over a batch computes every model's forward pass, loss, accuracy and gradient. Each model
 * gets exactly the bits it would get alone ({@code models = 1}, which is what {@link Mlp} runs):
 * every value is computed by the same loops of {@link DenseLoops}, {@link GradientLoops} and
 * {@link SoftmaxLoss}, in the same order; the models only share loop passes, never sums.
 *
 * <p>What is shared: the batch's input rows are gathered once, and the first layer, whose input
 * is the same for all models, runs as one layer as wide as all models together (its forward
 * pass, kernel and bias gradients are then single long vectorised loops). Deeper layers run
 * model by model over the models' slices of the shared activation rows.
 *
 * <p>Layout: activations are batch-major, one array per batch row, model k's units of layer l at
 * {@code [k * padded(width_l), k * padded(width_l) + width_l)}; padding to a multiple of 4 keeps
 * every slice aligned alike, which the JIT needs to vectorise across them (see DenseLoops).
 * Parameters and gradients stay one flat Keras-layout array per model ({@link Mlp}'s layout);
 * {@link WeightRows} copies them into and out of the loops' row arrays once per batch.
 */
public final class FusedMlp implements MultiModelKernel {
    private final int[] widths;
    private final Activation activation;
    private final int layers;
    private final int models;
    private final int maxBatch;
    /** Row stride of each model's slice per layer (l >= 1). */
    private final int[] stride;
    private final int[] kernelOffset;
    private final int[] biasOffset;
    private final int parameterCount;
    /** act[l][b]: layer l's outputs for batch row b, all models side by side (act[0]: the shared input). */
    private final double[][][] act;
    private final double[][][] delta;
    private final WeightRows w;
    private final int[] batchLabels;
    private final ColumnEval validation;

    public FusedMlp(int[] widths, Activation activation, int maxBatch, int models) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output width");
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
        }
        if (models < 1) {
            throw new IllegalArgumentException("models must be >= 1, got " + models);
        }
        this.widths = widths.clone();
        this.activation = activation;
        this.layers = widths.length - 1;
        this.models = models;
        this.maxBatch = maxBatch;
        this.stride = new int[layers + 1];
        this.kernelOffset = new int[layers];
        this.biasOffset = new int[layers];
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            kernelOffset[l] = offset;
            offset += widths[l] * widths[l + 1];
            biasOffset[l] = offset;
            offset += widths[l + 1];
        }
        this.parameterCount = offset;
        act = new double[layers + 1][][];
        delta = new double[layers + 1][][];
        act[0] = new double[maxBatch][widths[0]];
        for (int l = 1; l <= layers; l++) {
            stride[l] = padded(widths[l]);
            act[l] = new double[maxBatch][models * stride[l]];
            delta[l] = new double[maxBatch][models * stride[l]];
        }
        w = new WeightRows(this.widths, kernelOffset, biasOffset, models, stride[1]);
        batchLabels = new int[maxBatch];
        validation = new ColumnEval(this.widths, activation, kernelOffset, biasOffset, maxBatch);
    }

    /** {@code n} rounded up to a multiple of 4 doubles, the AVX2 vector width. */
    static int padded(int n) {
        return (n + 3) & ~3;
    }

    public int models() {
        return models;
    }

    /** Parameters per model (Keras layout, see {@link Mlp}). */
    @Override
    public int parameterCount() {
        return parameterCount;
    }

    /**
     * One batch for every model whose {@code active} flag is set (null: all): forward pass, the
     * batch's summed loss into {@code loss[k]}, its correct count into {@code correct[k]}, and the
     * gradient of the batch's mean loss into {@code grads[k]}. Rows are
     * {@code order[start .. start + count)} of {@code x}. Inactive models' entries are untouched.
     */
    @Override
    public void forwardBackward(double[][] params, double[][] grads, boolean[] active, double[] x, int[] labels,
                                int[] order, int start, int count, double[] loss, int[] correct) {
        checkBatch(count);
        int in0 = widths[0];
        double[][] a0 = act[0];
        for (int b = 0; b < count; b++) {
            int row = order[start + b];
            double[] ab = a0[b];
            int from = row * in0;
            for (int j = 0; j < in0; j++) { // a few features: a loop beats arraycopy's call
                ab[j] = x[from + j];
            }
            batchLabels[b] = labels[row];
        }
        w.load(params, active);
        forward(active, count, true, loss, correct);
        backward(active, count);
        w.store(grads, active);
    }

    /**
     * Every active model's summed loss and correct count over all {@code rows} of {@code x}, with
     * no gradient (see {@link ColumnEval}): the losses of each batch-sized group of rows are
     * summed, then the group sums added, as when evaluating in batches.
     */
    @Override
    public void evaluate(double[][] params, boolean[] active, double[] x, int[] labels, int rows,
                         double[] loss, int[] correct) {
        validation.evaluate(params, active, x, labels, rows, loss, correct);
    }

    private static boolean isActive(boolean[] active, int k) {
        return active == null || active[k];
    }

    private void checkBatch(int count) {
        if (count < 1 || count > maxBatch) {
            throw new IllegalArgumentException("batch of " + count + " rows, buffers hold 1.." + maxBatch);
        }
    }

    /**
     * All layers and the softmax for the first {@code count} rows of act[0]: each active model's
     * summed loss and correct count, and, if asked, its output delta.
     */
    private void forward(boolean[] active, int count, boolean withDelta, double[] loss, int[] correct) {
        boolean relu = activation == Activation.RELU;
        boolean firstHidden = layers > 1;
        // Layer 0 for all models at once: its input is shared.
        DenseLoops.affineWide(act[0], 0, widths[0], w.firstKernel, w.firstBias, act[1], 0, models * stride[1], count,
                firstHidden && relu);
        if (firstHidden && !relu) {
            DenseLoops.activate(activation, act[1], 0, models * stride[1], count);
        }
        for (int l = 1; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            boolean hidden = l < layers - 1;
            for (int k = 0; k < models; k++) {
                if (!isActive(active, k)) {
                    continue;
                }
                int ao = k * stride[l];
                int zo = k * stride[l + 1];
                if (WeightRows.wideForward(widths, l)) {
                    DenseLoops.affineWide(act[l], ao, in, w.kernelRows[l][k], w.bias[l][k], act[l + 1], zo, out, count,
                            hidden && relu);
                    if (hidden && !relu) {
                        DenseLoops.activate(activation, act[l + 1], zo, out, count);
                    }
                } else {
                    DenseLoops.affineNarrow(act[l], ao, in, w.kernelByOutput[l][k], w.bias[l][k], act[l + 1], zo, out, count);
                    if (hidden) {
                        DenseLoops.activate(activation, act[l + 1], zo, out, count);
                    }
                }
            }
        }
        int out = widths[layers];
        double[][] z = act[layers];
        double[][] d = delta[layers];
        double inv = 1.0 / count;
        for (int k = 0; k < models; k++) {
            if (!isActive(active, k)) {
                continue;
            }
            int zo = k * stride[layers];
            double sum = 0.0;
            int right = 0;
            for (int b = 0; b < count; b++) {
                int label = batchLabels[b];
                sum += SoftmaxLoss.softmax(z[b], zo, 1, out, label);
                if (SoftmaxLoss.argmax(z[b], zo, 1, out) == label) {
                    right++;
                }
                if (withDelta) {
                    SoftmaxLoss.delta(z[b], zo, 1, out, label, inv, d[b]);
                }
            }
            loss[k] = sum;
            correct[k] = right;
        }
    }

    private void backward(boolean[] active, int count) {
        for (int l = layers - 1; l >= 1; l--) {
            int in = widths[l];
            int out = widths[l + 1];
            for (int k = 0; k < models; k++) {
                if (!isActive(active, k)) {
                    continue;
                }
                int ao = k * stride[l];
                int dOff = k * stride[l + 1];
                if (WeightRows.gradByInput(widths, l)) {
                    GradientLoops.kernelGradByInput(act[l], ao, in, delta[l + 1], dOff, out, count, w.kernelGrad[l][k]);
                } else {
                    GradientLoops.kernelGradByOutput(act[l], ao, in, delta[l + 1], dOff, out, count, w.kernelGrad[l][k]);
                }
                GradientLoops.biasGrad(delta[l + 1], dOff, out, count, w.biasGrad[l][k]);
                GradientLoops.deltaBack(delta[l + 1], dOff, out, w.kernelByOutput[l][k], in, act[l], activation,
                        delta[l], ao, count);
            }
        }
        int width = models * stride[1];
        GradientLoops.kernelGradByInput(act[0], 0, widths[0], delta[1], 0, width, count, w.firstKernelGrad);
        GradientLoops.biasGrad(delta[1], 0, width, count, w.firstBiasGrad);
    }
}
