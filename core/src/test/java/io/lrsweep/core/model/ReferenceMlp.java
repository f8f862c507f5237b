package io.lrsweep.core.model;

/**
 * The kernel as first written: one plain loop nest per step, one array per buffer, StrictMath for
 * exp and log. It defines the order in which every value is computed; {@link MlpReferenceTest}
 * holds the optimised kernel ({@link Mlp}, {@link FusedMlp}, {@link ColumnEval}) to these bits.
 */
final class ReferenceMlp {
    /** Keras's {@code K.epsilon()}. */
    public static final double EPSILON = 1e-7;

    private final int[] widths;
    private final Activation activation;
    private final int layers;
    private final int[] kernelOffset;
    private final int[] biasOffset;
    private final int parameterCount;
    private final int maxBatch;
    /** act[l]: layer l's outputs for the batch (act[0] = inputs, act[layers] = softmax). */
    private final double[][] act;
    /** delta[l]: d(mean loss)/d(pre-activation) of layer l, for l >= 1. */
    private final double[][] delta;
    private final int[] batchLabels;
    private int lastCorrect;

    ReferenceMlp(int[] widths, Activation activation, int maxBatch) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output width");
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
        }
        this.widths = widths.clone();
        this.activation = activation;
        this.layers = widths.length - 1;
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
        this.maxBatch = maxBatch;
        this.act = new double[layers + 1][];
        this.delta = new double[layers + 1][];
        for (int l = 0; l <= layers; l++) {
            act[l] = new double[maxBatch * widths[l]];
            delta[l] = l == 0 ? new double[0] : new double[maxBatch * widths[l]];
        }
        this.batchLabels = new int[maxBatch];
    }

    public int parameterCount() {
        return parameterCount;
    }

    public int[] widths() {
        return widths.clone();
    }

    /**
     * One batch: forward pass, loss and the gradient of the batch's mean loss written into
     * {@code grad}. Rows are {@code order[start .. start + count)} of {@code x} (row-major,
     * {@code widths[0]} columns). Returns the batch's summed loss; {@link #lastCorrect()} then
     * holds how many rows were classified correctly.
     */
    public double forwardBackward(double[] params, double[] grad, double[] x, int[] labels,
                                  int[] order, int start, int count) {
        checkBatch(count);
        int in0 = widths[0];
        double[] a0 = act[0];
        for (int b = 0; b < count; b++) {
            int row = order[start + b];
            System.arraycopy(x, row * in0, a0, b * in0, in0);
            batchLabels[b] = labels[row];
        }
        double loss = forward(params, count);
        backward(params, grad, count);
        return loss;
    }

    /**
     * Loss and accuracy over all {@code rows} of {@code x} with no gradient, in chunks of the
     * buffer size. Returns the summed loss; {@link #lastCorrect()} holds the correct count.
     */
    public double evaluate(double[] params, double[] x, int[] labels, int rows) {
        int in0 = widths[0];
        double loss = 0.0;
        int correct = 0;
        for (int start = 0; start < rows; start += maxBatch) {
            int count = Math.min(maxBatch, rows - start);
            System.arraycopy(x, start * in0, act[0], 0, count * in0);
            System.arraycopy(labels, start, batchLabels, 0, count);
            loss += forward(params, count);
            correct += lastCorrect;
        }
        lastCorrect = correct;
        return loss;
    }

    /** Correct predictions in the last {@link #forwardBackward} or {@link #evaluate} call. */
    public int lastCorrect() {
        return lastCorrect;
    }

    private void checkBatch(int count) {
        if (count < 1 || count > maxBatch) {
            throw new IllegalArgumentException("batch of " + count + " rows, buffers hold 1.." + maxBatch);
        }
    }

    /** Fills act[1..layers] for the first {@code count} rows of act[0]; returns the summed loss. */
    private double forward(double[] params, int count) {
        for (int l = 0; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            double[] a = act[l];
            double[] z = act[l + 1];
            int k = kernelOffset[l];
            int bias = biasOffset[l];
            for (int b = 0; b < count; b++) {
                int zr = b * out;
                System.arraycopy(params, bias, z, zr, out);
                int ar = b * in;
                for (int i = 0; i < in; i++) {
                    double ai = a[ar + i];
                    int wr = k + i * out;
                    for (int o = 0; o < out; o++) {
                        z[zr + o] += ai * params[wr + o];
                    }
                }
            }
            if (l < layers - 1) {
                activate(z, count * out);
            }
        }
        return softmaxLoss(count);
    }

    private void activate(double[] z, int n) {
        switch (activation) {
            case RELU -> {
                for (int j = 0; j < n; j++) {
                    z[j] = Math.max(z[j], 0.0); // a NaN stays NaN, as in TensorFlow
                }
            }
            case TANH -> {
                for (int j = 0; j < n; j++) {
                    z[j] = StrictMath.tanh(z[j]);
                }
            }
            case SIGMOID -> {
                for (int j = 0; j < n; j++) {
                    z[j] = 1.0 / (1.0 + StrictMath.exp(-z[j]));
                }
            }
        }
    }

    /** Softmax in place on the output layer, clipped cross-entropy, accuracy. */
    private double softmaxLoss(int count) {
        int out = widths[layers];
        double[] z = act[layers];
        double loss = 0.0;
        int correct = 0;
        for (int b = 0; b < count; b++) {
            int r = b * out;
            double max = z[r];
            for (int o = 1; o < out; o++) {
                max = Math.max(max, z[r + o]);
            }
            double sum = 0.0;
            for (int o = 0; o < out; o++) {
                double e = StrictMath.exp(z[r + o] - max);
                z[r + o] = e;
                sum += e;
            }
            int argmax = 0;
            for (int o = 0; o < out; o++) {
                z[r + o] = z[r + o] / sum;
                if (z[r + o] > z[r + argmax]) {
                    argmax = o;
                }
            }
            int label = batchLabels[b];
            if (argmax == label) {
                correct++;
            }
            double p = Math.min(Math.max(z[r + label], EPSILON), 1.0 - EPSILON);
            loss -= StrictMath.log(p);
        }
        lastCorrect = correct;
        return loss;
    }

    private void backward(double[] params, double[] grad, int count) {
        int out = widths[layers];
        double[] p = act[layers];
        double[] d = delta[layers];
        double inv = 1.0 / count;
        for (int b = 0; b < count; b++) {
            int r = b * out;
            int label = batchLabels[b];
            double pl = p[r + label];
            boolean passes = pl >= EPSILON && pl <= 1.0 - EPSILON;
            for (int o = 0; o < out; o++) {
                d[r + o] = passes ? (p[r + o] - (o == label ? 1.0 : 0.0)) * inv : 0.0;
            }
        }
        for (int l = layers - 1; l >= 0; l--) {
            int in = widths[l];
            int outL = widths[l + 1];
            double[] a = act[l];
            double[] dl = delta[l + 1];
            int k = kernelOffset[l];
            int bias = biasOffset[l];
            java.util.Arrays.fill(grad, k, bias + outL, 0.0);
            for (int b = 0; b < count; b++) {
                int ar = b * in;
                int dr = b * outL;
                for (int i = 0; i < in; i++) {
                    double ai = a[ar + i];
                    int wr = k + i * outL;
                    for (int o = 0; o < outL; o++) {
                        grad[wr + o] += ai * dl[dr + o];
                    }
                }
                for (int o = 0; o < outL; o++) {
                    grad[bias + o] += dl[dr + o];
                }
            }
            if (l > 0) {
                double[] dPrev = delta[l];
                for (int b = 0; b < count; b++) {
                    int ar = b * in;
                    int dr = b * outL;
                    for (int i = 0; i < in; i++) {
                        int wr = k + i * outL;
                        double s = 0.0;
                        for (int o = 0; o < outL; o++) {
                            s += params[wr + o] * dl[dr + o];
                        }
                        dPrev[ar + i] = s * derivative(a[ar + i]);
                    }
                }
            }
        }
    }

    /** The activation's derivative expressed through its output (relu: 0 at 0, as TensorFlow). */
    private double derivative(double y) {
        return switch (activation) {
            case RELU -> Double.isNaN(y) ? Double.NaN : y > 0.0 ? 1.0 : 0.0;
            case TANH -> 1.0 - y * y;
            case SIGMOID -> y * (1.0 - y);
        };
    }
}
