package io.lrsweep.core.model;

/**
 * The validation pass: forward only, so it can run with the rows as the vector axis. Activations
 * are kept unit by unit ({@code a[unit][row]}) over a chunk of up to {@link #CHUNK} rows, and each
 * layer's pre-activation {@code z[o][.] = bias_o + a[0][.] w_0o + a[1][.] w_1o + ...} is a long
 * vectorised loop over the chunk's rows, the narrow output layer included (in the training pass
 * it has to be a chain of scalar adds). Every value is the one {@link DenseLoops} computes, added
 * in the same order.
 *
 * <p>Losses are summed per batch-sized group of rows and the group sums added, as Keras's (and
 * {@link FusedMlp}'s) evaluation in batches does: that grouping is part of the result's bits.
 */
final class ColumnEval {
    /** Rows per chunk: long loops, and a model's activations (50 units) stay within L2. */
    static final int CHUNK = 128;

    private final int[] widths;
    private final Activation activation;
    private final int layers;
    private final int[] kernelOffset;
    private final int[] biasOffset;
    private final int group;
    private final int chunk;
    /** act[l][unit][row]; act[0] is the chunk's input, shared by the models. */
    private final double[][][] act;
    private final double[] logits;

    /** {@code group}: the rows whose losses are summed together before the sums are added (the batch size). */
    ColumnEval(int[] widths, Activation activation, int[] kernelOffset, int[] biasOffset, int group) {
        this.widths = widths;
        this.activation = activation;
        this.layers = widths.length - 1;
        this.kernelOffset = kernelOffset;
        this.biasOffset = biasOffset;
        this.group = group;
        this.chunk = Math.max(1, CHUNK / group) * group;
        this.act = new double[layers + 1][][];
        for (int l = 0; l <= layers; l++) {
            act[l] = new double[widths[l]][chunk];
        }
        this.logits = new double[widths[layers]];
    }

    /**
     * Every active model's summed loss and correct count over all {@code rows} of {@code x}
     * (row-major), into {@code loss[k]} and {@code correct[k]}.
     */
    void evaluate(double[][] params, boolean[] active, double[] x, int[] labels, int rows, double[] loss, int[] correct) {
        int models = params.length;
        int in0 = widths[0];
        double[] groupLoss = new double[models];
        for (int k = 0; k < models; k++) {
            if (active == null || active[k]) {
                loss[k] = 0.0;
                correct[k] = 0;
            }
        }
        for (int start = 0; start < rows; start += chunk) {
            int count = Math.min(chunk, rows - start);
            for (int i = 0; i < in0; i++) {
                double[] column = act[0][i];
                for (int c = 0; c < count; c++) {
                    column[c] = x[(start + c) * in0 + i];
                }
            }
            for (int k = 0; k < models; k++) {
                if (active != null && !active[k]) {
                    continue;
                }
                double[] p = params[k];
                for (int l = 0; l < layers; l++) {
                    affine(p, l, count, l < layers - 1);
                }
                int out = widths[layers];
                double[][] z = act[layers];
                int right = 0;
                double sum = groupLoss[k];
                double total = loss[k];
                for (int c = 0; c < count; c++) {
                    for (int o = 0; o < out; o++) {
                        logits[o] = z[o][c];
                    }
                    int label = labels[start + c];
                    sum += SoftmaxLoss.softmax(logits, 0, 1, out, label);
                    if (SoftmaxLoss.argmax(logits, 0, 1, out) == label) {
                        right++;
                    }
                    int row = start + c + 1;
                    if (row % group == 0 || row == rows) {
                        total += sum;
                        sum = 0.0;
                    }
                }
                groupLoss[k] = sum;
                loss[k] = total;
                correct[k] += right;
            }
        }
    }

    /** Layer l of one model over the chunk's first {@code count} rows, with its activation if hidden. */
    private void affine(double[] p, int l, int count, boolean hidden) {
        int in = widths[l];
        int out = widths[l + 1];
        double[][] a = act[l];
        double[][] z = act[l + 1];
        boolean relu = hidden && activation == Activation.RELU;
        for (int o = 0; o < out; o++) {
            int w = kernelOffset[l] + o;
            double bias = p[biasOffset[l] + o];
            double[] zo = z[o];
            if (in == 1) {
                ColumnLoops.first1(zo, bias, p[w], a[0], count);
            } else if (in == 2 && relu) {
                ColumnLoops.only2Relu(zo, bias, p[w], a[0], p[w + out], a[1], count);
                continue;
            } else {
                ColumnLoops.first2(zo, bias, p[w], a[0], p[w + out], a[1], count);
            }
            int i = Math.min(in, 2);
            for (; i + 1 < in; i += 2) {
                ColumnLoops.add2(zo, p[w + i * out], a[i], p[w + (i + 1) * out], a[i + 1], count);
            }
            if (i < in) {
                ColumnLoops.add1(zo, p[w + i * out], a[i], count);
            }
            if (relu) {
                ColumnLoops.relu(zo, count);
            }
        }
        if (hidden && !relu) {
            DenseLoops.activate(activation, z, 0, count, out); // z's "rows" here are the units
        }
    }
}
