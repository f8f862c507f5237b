package io.lrsweep.core.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The multi-model kernel with the models as vector lanes: for networks with one hidden layer,
 * every parameter, activation and gradient is stored as {@code lanes} consecutive doubles, one
 * per model, so each arithmetic step is one vector instruction for 4 models at once. The models
 * never mix: lane m computes exactly the operations {@link FusedMlp} computes for model m alone,
 * in the same order (a sum {@code bias + t_0 + t_1 + ...}, a gradient {@code 0 + t_b0 + t_b1 +
 * ...} over the batch rows, a delta {@code (w_0 d_0 + w_1 d_1 + ...) * f'(y)}), with lanewise IEEE
 * adds and multiplies, never a fused multiply-add or a reordered reduction. So its results are
 * bit for bit {@link Mlp}'s ({@code LaneMlpTest}).
 *
 * <p>Why lanes: the reference shape is narrow (3 outputs), so one model alone leaves the output
 * layer as chains of scalar adds; with the models as lanes every layer is vector work, and a sum
 * along the hidden units or the batch keeps its running value in a register. The softmax and
 * its exp/log stay scalar, lane by lane (fdlibm, see {@link Fdlibm}). Java 17's C2 does not
 * vectorise loops this short by itself, hence the (incubating) Vector API, used only when the
 * JVM has it ({@link VectorSupport}); {@link MultiModelKernel#create} falls back to
 * {@link FusedMlp} otherwise.
 *
 * <p>Layout ({@code L} lanes, models padded with idle lanes to 4, 8 or 16; {@code H} hidden
 * units; {@code C} classes): first kernel {@code [input][H][L]}, output kernel by class
 * {@code [C][H][L]}, activations {@code [row][H][L]}, logits {@code [row][C][L]}. Parameters are
 * gathered from each model's flat Keras-layout array before a batch and gradients scattered back
 * after it; idle and inactive lanes get zero parameters and are never scattered.
 */
final class LaneMlp implements MultiModelKernel {
    private static final VectorSpecies<Double> V = DoubleVector.SPECIES_256;
    /** Doubles per vector. */
    private static final int W = 4;
    /** Most models one kernel holds ({@link io.lrsweep.core.train.FusedTrainer} passes at most this many). */
    static final int MAX_LANES = 16;

    private final int in;
    private final int hidden;
    private final int out;
    private final Activation activation;
    private final int models;
    private final int lanes;
    /** {@code lanes - 1}: lanes is a power of two, and j & laneMask is j % lanes without a division. */
    private final int laneMask;
    private final int maxBatch;
    /** Offsets in a model's flat parameter array. */
    private final int bias0;
    private final int kernel1;
    private final int bias1;
    private final int parameterCount;
    /** Row strides: hidden activations, logits. */
    private final int hs;
    private final int zs;

    private final double[] w1;
    private final double[] b1;
    private final double[] w2;
    private final double[] b2;
    private final double[] gw1;
    private final double[] gb1;
    private final double[] gw2;
    private final double[] gb2;
    private final double[] x;
    private final int[] batchLabels;
    private final double[] hid;
    private final double[] z;
    private final double[] d;
    private final double[] e;
    private final boolean[] laneActive;
    /** Per lane: the summed loss and the correct count of the last softmax pass. */
    private final double[] laneLoss;
    private final double[] laneCorrect;
    /** Per row and lane: the clipped probability of the row's class, then its log. */
    private final double[] clipped;
    private final LaneMath math;
    /**
     * The output layer's four running sums per pass, chain k: its offset in a row of hidden
     * activations, its first lane, its row's offset in the logits (see outputLayer).
     */
    private final int[] chainHidden = new int[W];
    private final int[] chainLane = new int[W];
    private final int[] chainRow = new int[W];

    /** Shapes this kernel handles: one hidden layer, 2 to 16 models. */
    static boolean supports(int[] widths, int models) {
        return widths.length == 3 && models >= 2 && models <= MAX_LANES;
    }

    LaneMlp(int[] widths, Activation activation, int maxBatch, int models) {
        if (!supports(widths, models)) {
            throw new IllegalArgumentException("LaneMlp takes one hidden layer and 2.." + MAX_LANES + " models");
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
        }
        this.in = widths[0];
        this.hidden = widths[1];
        this.out = widths[2];
        this.activation = activation;
        this.models = models;
        this.lanes = models <= 4 ? 4 : models <= 8 ? 8 : 16;
        this.laneMask = lanes - 1;
        this.maxBatch = maxBatch;
        this.bias0 = in * hidden;
        this.kernel1 = bias0 + hidden;
        this.bias1 = kernel1 + hidden * out;
        this.parameterCount = bias1 + out;
        this.hs = hidden * lanes;
        this.zs = out * lanes;
        // The output layer's forward pass works on up to 4 rows at once: 3 spare rows.
        int rows = maxBatch + 3;
        w1 = new double[in * hs];
        b1 = new double[hs];
        w2 = new double[out * hs];
        b2 = new double[zs];
        gw1 = new double[in * hs];
        gb1 = new double[hs];
        gw2 = new double[out * hs];
        gb2 = new double[zs];
        x = new double[rows * in];
        batchLabels = new int[rows];
        hid = new double[rows * hs];
        z = new double[rows * zs];
        d = new double[rows * zs];
        e = new double[rows * hs];
        laneActive = new boolean[lanes];
        laneLoss = new double[lanes];
        laneCorrect = new double[lanes];
        clipped = new double[rows * lanes];
        math = new LaneMath(rows * zs);
        int chunks = lanes / W;
        for (int k = 0; k < W; k++) {
            chainHidden[k] = (k / chunks) * hs + (k % chunks) * W;
            chainLane[k] = (k % chunks) * W;
            chainRow[k] = (k / chunks) * zs;
        }
    }

    @Override
    public int parameterCount() {
        return parameterCount;
    }

    @Override
    public void forwardBackward(double[][] params, double[][] grads, boolean[] active, double[] xs, int[] labels,
                                int[] order, int start, int count, double[] loss, int[] correct) {
        checkBatch(count);
        for (int b = 0; b < count; b++) {
            int row = order[start + b];
            System.arraycopy(xs, row * in, x, b * in, in);
            batchLabels[b] = labels[row];
        }
        gather(params, active);
        firstLayer(count);
        outputLayer(count);
        softmax(count, batchLabels, 0, 1.0 / count, true);
        for (int m = 0; m < models; m++) {
            if (laneActive[m]) {
                loss[m] = laneLoss[m];
                correct[m] = (int) laneCorrect[m];
            }
        }
        outputGradients(count);
        hiddenDelta(count);
        firstGradients(count);
        scatter(grads);
    }

    /**
     * Summed loss and correct count per active model over all rows, in groups of {@code maxBatch}
     * rows (the batch size): each group's row losses summed from 0, the group sums added from 0,
     * as {@link ColumnEval} does.
     */
    @Override
    public void evaluate(double[][] params, boolean[] active, double[] xs, int[] labels, int rows,
                         double[] loss, int[] correct) {
        gather(params, active);
        for (int m = 0; m < models; m++) {
            if (laneActive[m]) {
                loss[m] = 0.0;
                correct[m] = 0;
            }
        }
        for (int start = 0; start < rows; start += maxBatch) {
            int count = Math.min(maxBatch, rows - start);
            System.arraycopy(xs, start * in, x, 0, count * in);
            firstLayer(count);
            outputLayer(count);
            softmax(count, labels, start, 0.0, false);
            for (int m = 0; m < models; m++) {
                if (laneActive[m]) {
                    loss[m] += laneLoss[m];
                    correct[m] += (int) laneCorrect[m];
                }
            }
        }
    }

    /**
     * {@link SoftmaxLoss} for rows [0, count) of the logits, all lanes: the softmax in place,
     * each lane's summed clipped loss (from 0, in row order) into laneLoss, its correct count into
     * laneCorrect, and with {@code withDelta} the delta {@code (p - onehot) * inv} into d (0 where the
     * clip cuts the gradient). The label of a row is the same in every lane: the models see the
     * same rows. Every step is SoftmaxLoss's, lanewise; exp and log are {@link LaneMath}'s, each
     * called once over the whole block.
     */
    private void softmax(int count, int[] labels, int labelStart, double inv, boolean withDelta) {
        // Small methods, one loop nest each: in one big method C2 stopped intrinsifying the vector
        // operations and boxed every vector (measured: 84 KB allocated per batch of 8 models).
        subtractMax(count);
        math.exp(z, 0, count * zs);
        for (int v = 0; v < lanes; v += W) {
            normalise(count, labels, labelStart, v);
        }
        if (withDelta) {
            for (int v = 0; v < lanes; v += W) {
                delta(count, labels, labelStart, inv, v);
            }
        }
        math.log(clipped, 0, count * lanes);
        for (int v = 0; v < lanes; v += W) {
            sumLosses(count, v);
        }
    }

    /** {@code z - max} over each row's classes, per lane. */
    private void subtractMax(int count) {
        for (int b = 0; b < count; b++) {
            for (int v = 0; v < lanes; v += W) {
                int base = b * zs + v;
                DoubleVector max = DoubleVector.fromArray(V, z, base);
                for (int c = 1; c < out; c++) {
                    max = max.max(DoubleVector.fromArray(V, z, base + c * lanes));
                }
                for (int c = 0; c < out; c++) {
                    DoubleVector.fromArray(V, z, base + c * lanes).sub(max).intoArray(z, base + c * lanes);
                }
            }
        }
    }

    /**
     * The exponentials over their sum (from 0, in class order), with SoftmaxLoss.argmax alongside
     * (the first class of highest probability) into laneCorrect, and the row's clipped
     * probability of its class into {@code clipped}; for the lanes [v, v + 4).
     */
    private void normalise(int count, int[] labels, int labelStart, int v) {
        DoubleVector eps = DoubleVector.broadcast(V, SoftmaxLoss.EPSILON);
        DoubleVector oneMinusEps = DoubleVector.broadcast(V, 1.0 - SoftmaxLoss.EPSILON);
        DoubleVector zero = DoubleVector.zero(V);
        DoubleVector one = DoubleVector.broadcast(V, 1.0);
        DoubleVector right = zero;
        for (int b = 0; b < count; b++) {
            int base = b * zs + v;
            int label = labels[labelStart + b];
            DoubleVector sum = zero.add(DoubleVector.fromArray(V, z, base));
            for (int c = 1; c < out; c++) {
                sum = sum.add(DoubleVector.fromArray(V, z, base + c * lanes));
            }
            DoubleVector best = DoubleVector.fromArray(V, z, base).div(sum);
            best.intoArray(z, base);
            DoubleVector bestClass = zero;
            for (int c = 1; c < out; c++) {
                DoubleVector p = DoubleVector.fromArray(V, z, base + c * lanes).div(sum);
                p.intoArray(z, base + c * lanes);
                VectorMask<Double> higher = p.compare(VectorOperators.GT, best);
                best = best.blend(p, higher);
                bestClass = bestClass.blend(DoubleVector.broadcast(V, (double) c), higher);
            }
            right = right.add(zero.blend(one, bestClass.compare(VectorOperators.EQ, (double) label)));
            DoubleVector.fromArray(V, z, base + label * lanes).max(eps).min(oneMinusEps).intoArray(clipped, b * lanes + v);
        }
        right.intoArray(laneCorrect, v);
    }

    /** SoftmaxLoss.delta for the lanes [v, v + 4): {@code (p - onehot) * inv}, or 0 where the clip cut the gradient. */
    private void delta(int count, int[] labels, int labelStart, double inv, int v) {
        DoubleVector eps = DoubleVector.broadcast(V, SoftmaxLoss.EPSILON);
        DoubleVector oneMinusEps = DoubleVector.broadcast(V, 1.0 - SoftmaxLoss.EPSILON);
        DoubleVector zero = DoubleVector.zero(V);
        for (int b = 0; b < count; b++) {
            int base = b * zs + v;
            int label = labels[labelStart + b];
            DoubleVector pl = DoubleVector.fromArray(V, z, base + label * lanes);
            VectorMask<Double> passes = pl.compare(VectorOperators.GE, eps).and(pl.compare(VectorOperators.LE, oneMinusEps));
            for (int c = 0; c < out; c++) {
                DoubleVector p = DoubleVector.fromArray(V, z, base + c * lanes);
                zero.blend(p.sub(c == label ? 1.0 : 0.0).mul(inv), passes).intoArray(d, base + c * lanes);
            }
        }
    }

    /** Each lane's loss, {@code 0 - log p_0 - log p_1 ...} over the rows in order, for the lanes [v, v + 4). */
    private void sumLosses(int count, int v) {
        DoubleVector lossSum = DoubleVector.zero(V);
        for (int b = 0; b < count; b++) {
            lossSum = lossSum.add(DoubleVector.fromArray(V, clipped, b * lanes + v).neg());
        }
        lossSum.intoArray(laneLoss, v);
    }

    private void checkBatch(int count) {
        if (count < 1 || count > maxBatch) {
            throw new IllegalArgumentException("batch of " + count + " rows, buffers hold 1.." + maxBatch);
        }
    }

    /** Each active model's parameters into its lane; zeros in the others. */
    private void gather(double[][] params, boolean[] active) {
        for (int m = 0; m < lanes; m++) {
            laneActive[m] = m < models && (active == null || active[m]);
            double[] p = laneActive[m] ? params[m] : null;
            if (p == null) {
                for (int j = m; j < w1.length; j += lanes) {
                    w1[j] = 0.0;
                }
                for (int j = m; j < hs; j += lanes) {
                    b1[j] = 0.0;
                }
                for (int j = m; j < w2.length; j += lanes) {
                    w2[j] = 0.0;
                }
                for (int j = m; j < zs; j += lanes) {
                    b2[j] = 0.0;
                }
                continue;
            }
            for (int k = 0; k < in * hidden; k++) {
                w1[k * lanes + m] = p[k];
            }
            for (int h = 0; h < hidden; h++) {
                b1[h * lanes + m] = p[bias0 + h];
            }
            for (int h = 0; h < hidden; h++) {
                int from = kernel1 + h * out;
                for (int c = 0; c < out; c++) {
                    w2[(c * hidden + h) * lanes + m] = p[from + c];
                }
            }
            for (int c = 0; c < out; c++) {
                b2[c * lanes + m] = p[bias1 + c];
            }
        }
    }

    /** Each active model's gradient out of its lane, into its flat Keras-layout array. */
    private void scatter(double[][] grads) {
        for (int m = 0; m < models; m++) {
            if (!laneActive[m]) {
                continue;
            }
            double[] g = grads[m];
            for (int k = 0; k < in * hidden; k++) {
                g[k] = gw1[k * lanes + m];
            }
            for (int h = 0; h < hidden; h++) {
                g[bias0 + h] = gb1[h * lanes + m];
            }
            for (int h = 0; h < hidden; h++) {
                int to = kernel1 + h * out;
                for (int c = 0; c < out; c++) {
                    g[to + c] = gw2[(c * hidden + h) * lanes + m];
                }
            }
            for (int c = 0; c < out; c++) {
                g[bias1 + c] = gb2[c * lanes + m];
            }
        }
    }

    /** {@code hid[b] = f(b1 + x_0 w1[0] + x_1 w1[1] + ...)}, along the units and lanes. */
    private void firstLayer(int count) {
        if (activation == Activation.RELU) {
            firstLayerRelu(count);
        } else {
            firstLayerLinear(count);
            for (int b = 0; b < count; b++) {
                activateScalar(b * hs);
            }
        }
    }

    // Each activation has its own loop: a vector merged from two branches is boxed by Java 17's C2.
    private void firstLayerRelu(int count) {
        if (in == 2) {
            firstLayerRelu2(count);
            return;
        }
        for (int b = 0; b < count; b++) {
            int hb = b * hs;
            int xb = b * in;
            for (int j = 0; j < hs; j += W) {
                DoubleVector acc = DoubleVector.fromArray(V, b1, j);
                for (int i = 0; i < in; i++) {
                    acc = acc.add(DoubleVector.fromArray(V, w1, i * hs + j).mul(x[xb + i]));
                }
                acc.max(0.0).intoArray(hid, hb + j);
            }
        }
    }

    /** Two inputs (the reference shape), written out: a short inner loop costs C2 a vector box per pass. */
    private void firstLayerRelu2(int count) {
        for (int b = 0; b < count; b++) {
            int hb = b * hs;
            double x0 = x[b * 2];
            double x1 = x[b * 2 + 1];
            for (int j = 0; j < hs; j += W) {
                DoubleVector acc = DoubleVector.fromArray(V, b1, j)
                        .add(DoubleVector.fromArray(V, w1, j).mul(x0))
                        .add(DoubleVector.fromArray(V, w1, hs + j).mul(x1));
                acc.max(0.0).intoArray(hid, hb + j);
            }
        }
    }

    private void firstLayerLinear(int count) {
        for (int b = 0; b < count; b++) {
            int hb = b * hs;
            int xb = b * in;
            for (int j = 0; j < hs; j += W) {
                DoubleVector acc = DoubleVector.fromArray(V, b1, j);
                for (int i = 0; i < in; i++) {
                    acc = acc.add(DoubleVector.fromArray(V, w1, i * hs + j).mul(x[xb + i]));
                }
                acc.intoArray(hid, hb + j);
            }
        }
    }

    /** tanh and sigmoid lane by lane, with the very calls of {@link DenseLoops#activate}. */
    private void activateScalar(int from) {
        for (int j = from; j < from + hs; j++) {
            hid[j] = activation == Activation.TANH ? StrictMath.tanh(hid[j]) : 1.0 / (1.0 + Fdlibm.exp(-hid[j]));
        }
    }

    /**
     * {@code z[b][c] = b2[c] + sum_h hid[b][h] w2[c][h]}, added along h with the running sums in
     * registers: four vectors at once (one row of 16 lanes, two rows of 8 or four rows of 4), as
     * one chain of dependent adds would wait on each add's latency. Rows past {@code count} land
     * in the spare rows and are never read.
     */
    private void outputLayer(int count) {
        int[] hOff = chainHidden;
        int[] cOff = chainLane;
        int[] rOff = chainRow;
        int rowStep = W / (lanes / W);
        for (int b = 0; b < count; b += rowStep) {
            int hb = b * hs;
            int zb = b * zs;
            int h0 = hb + hOff[0];
            int h1 = hb + hOff[1];
            int h2 = hb + hOff[2];
            int h3 = hb + hOff[3];
            for (int c = 0; c < out; c++) {
                int cb = c * lanes;
                int wc = c * hs;
                DoubleVector s0 = DoubleVector.fromArray(V, b2, cb + cOff[0]);
                DoubleVector s1 = DoubleVector.fromArray(V, b2, cb + cOff[1]);
                DoubleVector s2 = DoubleVector.fromArray(V, b2, cb + cOff[2]);
                DoubleVector s3 = DoubleVector.fromArray(V, b2, cb + cOff[3]);
                int w0 = wc + cOff[0];
                int w1i = wc + cOff[1];
                int w2i = wc + cOff[2];
                int w3 = wc + cOff[3];
                for (int o = 0; o < hs; o += lanes) {
                    s0 = s0.add(DoubleVector.fromArray(V, hid, h0 + o).mul(DoubleVector.fromArray(V, w2, w0 + o)));
                    s1 = s1.add(DoubleVector.fromArray(V, hid, h1 + o).mul(DoubleVector.fromArray(V, w2, w1i + o)));
                    s2 = s2.add(DoubleVector.fromArray(V, hid, h2 + o).mul(DoubleVector.fromArray(V, w2, w2i + o)));
                    s3 = s3.add(DoubleVector.fromArray(V, hid, h3 + o).mul(DoubleVector.fromArray(V, w2, w3 + o)));
                }
                s0.intoArray(z, zb + rOff[0] + cb + cOff[0]);
                s1.intoArray(z, zb + rOff[1] + cb + cOff[1]);
                s2.intoArray(z, zb + rOff[2] + cb + cOff[2]);
                s3.intoArray(z, zb + rOff[3] + cb + cOff[3]);
            }
        }
    }

    /**
     * {@code gw2[c][h] = 0 + sum_b hid[b][h] d[b][c]} and {@code gb2[c] = 0 + sum_b d[b][c]}, in
     * batch order, running sums in registers (four vectors of consecutive units and lanes).
     */
    private void outputGradients(int count) {
        for (int c = 0; c < out; c++) {
            int dc = c * lanes;
            int gc = c * hs;
            int j = 0;
            for (; j + 4 * W <= hs; j += 4 * W) {
                int d0 = dc + (j & laneMask);
                int d1 = dc + ((j + W) & laneMask);
                int d2 = dc + ((j + 2 * W) & laneMask);
                int d3 = dc + ((j + 3 * W) & laneMask);
                DoubleVector a0 = DoubleVector.zero(V);
                DoubleVector a1 = a0;
                DoubleVector a2 = a0;
                DoubleVector a3 = a0;
                for (int b = 0, hb = j, db = 0; b < count; b++, hb += hs, db += zs) {
                    a0 = a0.add(DoubleVector.fromArray(V, hid, hb).mul(DoubleVector.fromArray(V, d, db + d0)));
                    a1 = a1.add(DoubleVector.fromArray(V, hid, hb + W).mul(DoubleVector.fromArray(V, d, db + d1)));
                    a2 = a2.add(DoubleVector.fromArray(V, hid, hb + 2 * W).mul(DoubleVector.fromArray(V, d, db + d2)));
                    a3 = a3.add(DoubleVector.fromArray(V, hid, hb + 3 * W).mul(DoubleVector.fromArray(V, d, db + d3)));
                }
                a0.intoArray(gw2, gc + j);
                a1.intoArray(gw2, gc + j + W);
                a2.intoArray(gw2, gc + j + 2 * W);
                a3.intoArray(gw2, gc + j + 3 * W);
            }
            for (; j < hs; j += W) {
                int d0 = dc + (j & laneMask);
                DoubleVector a0 = DoubleVector.zero(V);
                for (int b = 0, hb = j, db = 0; b < count; b++, hb += hs, db += zs) {
                    a0 = a0.add(DoubleVector.fromArray(V, hid, hb).mul(DoubleVector.fromArray(V, d, db + d0)));
                }
                a0.intoArray(gw2, gc + j);
            }
        }
        sumRows(d, zs, count, gb2);
    }

    /** {@code g[j] = 0 + sum_b v[b * stride + j]} for j in [0, stride), in batch order. */
    private static void sumRows(double[] v, int stride, int count, double[] g) {
        int j = 0;
        for (; j + 4 * W <= stride; j += 4 * W) {
            DoubleVector a0 = DoubleVector.zero(V);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            for (int b = 0, vb = j; b < count; b++, vb += stride) {
                a0 = a0.add(DoubleVector.fromArray(V, v, vb));
                a1 = a1.add(DoubleVector.fromArray(V, v, vb + W));
                a2 = a2.add(DoubleVector.fromArray(V, v, vb + 2 * W));
                a3 = a3.add(DoubleVector.fromArray(V, v, vb + 3 * W));
            }
            a0.intoArray(g, j);
            a1.intoArray(g, j + W);
            a2.intoArray(g, j + 2 * W);
            a3.intoArray(g, j + 3 * W);
        }
        for (; j < stride; j += W) {
            DoubleVector a0 = DoubleVector.zero(V);
            for (int b = 0, vb = j; b < count; b++, vb += stride) {
                a0 = a0.add(DoubleVector.fromArray(V, v, vb));
            }
            a0.intoArray(g, j);
        }
    }

    /** {@code e[b][h] = (w2[0][h] d[b][0] + w2[1][h] d[b][1] + ...) * f'(hid[b][h])}. */
    private void hiddenDelta(int count) {
        switch (activation) {
            case RELU -> hiddenDeltaRelu(count);
            case TANH -> hiddenDeltaTanh(count);
            case SIGMOID -> hiddenDeltaSigmoid(count);
        }
    }

    /** The sum {@code w2[0][h] d[b][0] + w2[1][h] d[b][1] + ...} for the vector at j of row b. */
    private DoubleVector backSum(int db, int j) {
        int lane = (j & laneMask);
        DoubleVector acc = DoubleVector.fromArray(V, w2, j).mul(DoubleVector.fromArray(V, d, db + lane));
        for (int c = 1; c < out; c++) {
            acc = acc.add(DoubleVector.fromArray(V, w2, c * hs + j).mul(DoubleVector.fromArray(V, d, db + c * lanes + lane)));
        }
        return acc;
    }

    /**
     * Relu's derivative as GradientLoops.reluDerivative computes it, {@code ceil(min(y, 1))}: for
     * a relu output y (+0, positive or NaN, never -0) that is 1 where y > 0 and y itself (+0 or
     * NaN) elsewhere.
     */
    private void hiddenDeltaRelu(int count) {
        if (out == 3) {
            hiddenDeltaRelu3(count);
            return;
        }
        DoubleVector one = DoubleVector.broadcast(V, 1.0);
        for (int b = 0; b < count; b++) {
            int hb = b * hs;
            int db = b * zs;
            for (int j = 0; j < hs; j += W) {
                DoubleVector y = DoubleVector.fromArray(V, hid, hb + j);
                DoubleVector derivative = y.blend(one, y.compare(VectorOperators.GT, 0.0));
                backSum(db, j).mul(derivative).intoArray(e, hb + j);
            }
        }
    }

    /**
     * Three classes (the reference shape), written out, a row's deltas loaded once per lane
     * chunk rather than once per unit.
     */
    private void hiddenDeltaRelu3(int count) {
        DoubleVector one = DoubleVector.broadcast(V, 1.0);
        for (int b = 0; b < count; b++) {
            int hb = b * hs;
            int db = b * zs;
            for (int v = 0; v < lanes; v += W) {
                DoubleVector d0 = DoubleVector.fromArray(V, d, db + v);
                DoubleVector d1 = DoubleVector.fromArray(V, d, db + lanes + v);
                DoubleVector d2 = DoubleVector.fromArray(V, d, db + 2 * lanes + v);
                for (int j = v; j < hs; j += lanes) {
                    DoubleVector sum = DoubleVector.fromArray(V, w2, j).mul(d0)
                            .add(DoubleVector.fromArray(V, w2, hs + j).mul(d1))
                            .add(DoubleVector.fromArray(V, w2, 2 * hs + j).mul(d2));
                    DoubleVector y = DoubleVector.fromArray(V, hid, hb + j);
                    sum.mul(y.blend(one, y.compare(VectorOperators.GT, 0.0))).intoArray(e, hb + j);
                }
            }
        }
    }

    private void hiddenDeltaTanh(int count) {
        DoubleVector one = DoubleVector.broadcast(V, 1.0);
        for (int b = 0; b < count; b++) {
            int hb = b * hs;
            int db = b * zs;
            for (int j = 0; j < hs; j += W) {
                DoubleVector y = DoubleVector.fromArray(V, hid, hb + j);
                backSum(db, j).mul(one.sub(y.mul(y))).intoArray(e, hb + j);
            }
        }
    }

    private void hiddenDeltaSigmoid(int count) {
        DoubleVector one = DoubleVector.broadcast(V, 1.0);
        for (int b = 0; b < count; b++) {
            int hb = b * hs;
            int db = b * zs;
            for (int j = 0; j < hs; j += W) {
                DoubleVector y = DoubleVector.fromArray(V, hid, hb + j);
                backSum(db, j).mul(y.mul(one.sub(y))).intoArray(e, hb + j);
            }
        }
    }

    /** {@code gw1[i][j] = 0 + sum_b x[b][i] e[b][j]} and {@code gb1[j] = 0 + sum_b e[b][j]}, in batch order. */
    private void firstGradients(int count) {
        for (int i = 0; i < in; i++) {
            int gi = i * hs;
            int j = 0;
            for (; j + 4 * W <= hs; j += 4 * W) {
                DoubleVector a0 = DoubleVector.zero(V);
                DoubleVector a1 = a0;
                DoubleVector a2 = a0;
                DoubleVector a3 = a0;
                for (int b = 0, eb = j; b < count; b++, eb += hs) {
                    double xi = x[b * in + i];
                    a0 = a0.add(DoubleVector.fromArray(V, e, eb).mul(xi));
                    a1 = a1.add(DoubleVector.fromArray(V, e, eb + W).mul(xi));
                    a2 = a2.add(DoubleVector.fromArray(V, e, eb + 2 * W).mul(xi));
                    a3 = a3.add(DoubleVector.fromArray(V, e, eb + 3 * W).mul(xi));
                }
                a0.intoArray(gw1, gi + j);
                a1.intoArray(gw1, gi + j + W);
                a2.intoArray(gw1, gi + j + 2 * W);
                a3.intoArray(gw1, gi + j + 3 * W);
            }
            for (; j < hs; j += W) {
                DoubleVector a0 = DoubleVector.zero(V);
                for (int b = 0, eb = j; b < count; b++, eb += hs) {
                    a0 = a0.add(DoubleVector.fromArray(V, e, eb).mul(x[b * in + i]));
                }
                a0.intoArray(gw1, gi + j);
            }
        }
        sumRows(e, hs, count, gb1);
    }
}
