package io.lrsweep.core.model;

import io.lrsweep.core.data.Dataset;

/**
 * One model's pass over a batch, in the engine's layout ({@link Network}): the rows are loaded
 * once, then {@link #trainStep} (forward pass, loss, accuracy, gradient) or {@link #evaluate}
 * (forward pass, loss and accuracy only) runs on them for one model's parameter block. The order
 * of the steps is fixed here; their arithmetic is {@link Ops}'s. A kernel holds buffers for up to
 * {@code maxRows} rows and is reused for every model of a group, one after the other; it is not
 * thread-safe.
 *
 * <p>Buffers: the input rows and every hidden layer's output batch-major (one padded row per
 * batch row, padding +0); the logits, then probabilities, and the output delta feature-major (one
 * row of {@code maxRows} per class), which is what the softmax runs along.
 */
public final class Kernel {
    private final Network net;
    private final Ops ops;
    private final int rowCap;
    /** act[l]: layer l's input rows (act[0]: the data), batch-major, stride padded(l). */
    private final double[][] act;
    /** delta[l] (l >= 1): d loss / d act[l], batch-major. */
    private final double[][] delta;
    private final double[] logits;
    private final double[] outDelta;
    private final double[] labels;
    private final double[] rowLoss;
    private final double[] rowCorrect;
    private final double[] rowPasses;
    private int count;
    private double lossSum;
    private int correct;
    private int passing;

    /** A kernel on the fastest arithmetic this JVM offers (the Vector API when it has the module). */
    public Kernel(Network net, int maxRows) {
        this(net, maxRows, VectorSupport.enabled());
    }

    Kernel(Network net, int maxRows, boolean vector) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, got " + maxRows);
        }
        this.net = net;
        this.ops = vector ? VectorSupport.vectorOps() : new PlainOps();
        this.rowCap = Network.padded(maxRows);
        int layers = net.layers();
        act = new double[layers][];
        delta = new double[layers][];
        for (int l = 0; l < layers; l++) {
            act[l] = new double[rowCap * net.paddedWidth(l)];
            if (l >= 1) {
                delta[l] = new double[rowCap * net.paddedWidth(l)];
            }
        }
        // One row per padded class: the output delta's padded rows stay +0.
        logits = new double[net.paddedWidth(net.layers()) * rowCap];
        outDelta = new double[net.paddedWidth(net.layers()) * rowCap];
        labels = new double[rowCap];
        rowLoss = new double[rowCap];
        rowCorrect = new double[rowCap];
        rowPasses = new double[rowCap];
    }

    /** Whether this kernel runs on the Vector API. */
    public boolean vectorized() {
        return ops instanceof VectorOps;
    }

    public int maxRows() {
        return rowCap;
    }

    /** Loads rows {@code order[start .. start + n)} of {@code data} as the batch. */
    public void loadBatch(Dataset data, int[] order, int start, int n) {
        checkRows(n);
        int f = data.featureCount();
        int s = net.paddedWidth(0);
        double[] x = data.features();
        int[] y = data.labels();
        for (int b = 0; b < n; b++) {
            int row = order[start + b];
            System.arraycopy(x, row * f, act[0], b * s, f);
            labels[b] = y[row];
        }
        count = n;
    }

    /** Loads rows {@code from .. from + n} of {@code data}, in order. */
    public void loadRows(Dataset data, int from, int n) {
        checkRows(n);
        int f = data.featureCount();
        int s = net.paddedWidth(0);
        double[] x = data.features();
        int[] y = data.labels();
        for (int b = 0; b < n; b++) {
            System.arraycopy(x, (from + b) * f, act[0], b * s, f);
            labels[b] = y[from + b];
        }
        count = n;
    }

    private void checkRows(int n) {
        if (n < 1 || n > rowCap) {
            throw new IllegalArgumentException("a pass takes 1.." + rowCap + " rows, got " + n);
        }
    }

    /**
     * Forward pass, loss and accuracy of the loaded rows for the model {@code params}, and the
     * gradient of their mean loss into {@code grads} (the same layout).
     */
    public void trainStep(LossFunction loss, double[] params, double[] grads) {
        forward(params);
        double inv = 1.0 / count;
        ops.softmax(loss, logits, rowCap, net.classes(), labels, count, inv, outDelta, rowLoss, rowCorrect, rowPasses);
        tally(true);
        backward(params, grads);
    }

    /** Forward pass, loss and accuracy only. */
    public void evaluate(LossFunction loss, double[] params) {
        forward(params);
        ops.softmax(loss, logits, rowCap, net.classes(), labels, count, 1.0, null, rowLoss, rowCorrect, rowPasses);
        tally(false);
    }

    /** The loaded rows' losses summed in row order (from +0). */
    public double lossSum() {
        return lossSum;
    }

    /** {@code sum} plus the loaded rows' losses, one at a time in row order: a sum over many passes. */
    public double addLosses(double sum) {
        double s = sum;
        for (int b = 0; b < count; b++) {
            s = s + rowLoss[b];
        }
        return s;
    }

    /** Loss (summed in row order from +0) and correct count of a model over all rows of a data set. */
    public record Evaluation(double lossSum, int correct) {}

    /** Evaluates {@code params} on every row of {@code data} in order, in passes of up to {@link #maxRows()} rows. */
    public Evaluation evaluateAll(LossFunction lossFunction, double[] params, Dataset data) {
        double s = 0.0;
        int right = 0;
        for (int from = 0; from < data.rows(); from += rowCap) {
            loadRows(data, from, Math.min(rowCap, data.rows() - from));
            evaluate(lossFunction, params);
            s = addLosses(s);
            right += correct;
        }
        return new Evaluation(s, right);
    }

    /** The L2 norm of a parameter or gradient block: {@code sqrt(combine(x * x))}. */
    public double norm(double[] block) {
        return Math.sqrt(ops.sumOfSquares(block, block.length));
    }

    /** How many loaded rows the model classified right. */
    public int correct() {
        return correct;
    }

    /** How many loaded rows passed a gradient in the last {@link #trainStep} (0 after evaluate). */
    public int passingRows() {
        return passing;
    }

    /** The loss of loaded row {@code b} in the last pass. */
    public double rowLoss(int b) {
        return rowLoss[b];
    }

    private void tally(boolean training) {
        double s = 0.0;
        int right = 0;
        int pass = 0;
        for (int b = 0; b < count; b++) {
            s = s + rowLoss[b];
            right += rowCorrect[b] != 0.0 ? 1 : 0;
            pass += rowPasses[b] != 0.0 ? 1 : 0;
        }
        lossSum = s;
        correct = right;
        passing = training ? pass : 0;
    }

    private void forward(double[] p) {
        int layers = net.layers();
        for (int l = 0; l < layers; l++) {
            int in = net.width(l);
            int inPad = net.paddedWidth(l);
            int out = net.width(l + 1);
            int outPad = net.paddedWidth(l + 1);
            int kOff = net.kernelOffset(l);
            int ks = net.kernelStride(l);
            int bOff = net.biasOffset(l);
            if (l == layers - 1) {
                ops.forwardByOutput(act[l], inPad, inPad, p, kOff, ks, bOff, out, logits, 1, rowCap, count);
            } else {
                double[] z = act[l + 1];
                if (net.orientation(l) == Network.Orientation.BY_INPUT) {
                    ops.forwardByInput(act[l], inPad, in, p, kOff, ks, bOff, z, outPad, outPad, count);
                } else {
                    ops.forwardByOutput(act[l], inPad, inPad, p, kOff, ks, bOff, out, z, outPad, 1, count);
                }
                ops.activate(net.activation(), z, outPad, out, outPad, count);
            }
        }
    }

    private void backward(double[] p, double[] g) {
        Activation f = net.activation();
        // The delta at the current layer's output: first the output delta, feature-major.
        double[] d = outDelta;
        int dr = 1;
        int dc = rowCap;
        for (int l = net.layers() - 1; l >= 0; l--) {
            int in = net.width(l);
            int inPad = net.paddedWidth(l);
            int out = net.width(l + 1);
            int outPad = net.paddedWidth(l + 1);
            int kOff = net.kernelOffset(l);
            int ks = net.kernelStride(l);
            double[] a = act[l];
            boolean byOutput = net.orientation(l) == Network.Orientation.BY_OUTPUT;
            if (byOutput) {
                ops.gradByOutput(d, dr, dc, out, a, inPad, in, inPad, count, g, kOff, ks);
            } else {
                ops.gradByInput(a, inPad, in, d, dr, out, outPad, count, g, kOff, ks);
            }
            ops.biasGrad(d, dr, dc, out, outPad, count, g, net.biasOffset(l));
            if (l >= 1) {
                double[] e = delta[l];
                if (byOutput) {
                    ops.deltaBackByOutput(d, dr, dc, out, p, kOff, ks, a, inPad, f, e, inPad, in, inPad, count);
                } else {
                    ops.deltaBackByInput(d, dr, outPad, p, kOff, ks, a, inPad, f, e, inPad, in, inPad, count);
                }
                d = e;
                dr = inPad;
                dc = 1;
            }
        }
    }

    @Override
    public String toString() {
        return "Kernel[" + net + ", " + rowCap + " rows, " + (vectorized() ? "vector" : "plain") + "]";
    }
}
