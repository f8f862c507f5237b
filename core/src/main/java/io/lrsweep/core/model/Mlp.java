package io.lrsweep.core.model;

import io.lrsweep.core.random.SplitMix64;

/**
 * A fully connected network with softmax output and Keras's clipped categorical cross-entropy
 * ({@link SoftmaxLoss}): the one-model face of {@link FusedMlp}, whose buffers are allocated
 * once, so a training step allocates nothing.
 *
 * <p>Parameter layout (one flat {@code double[]}): for each layer in order, the kernel in Keras's
 * (inputs, outputs) shape, row-major ({@code W[i * out + o]}), then the bias ({@code out} values).
 * Gradients use the same layout.
 *
 * <p>Transcendentals are fdlibm's ({@link Fdlibm}, the same bits as {@link StrictMath}), fixed
 * by specification, so a trial's bits do not depend on the JVM or CPU an executor runs on.
 */
public final class Mlp {
    /** Keras's {@code K.epsilon()}. */
    public static final double EPSILON = SoftmaxLoss.EPSILON;
    /** From this many outputs on, a layer's forward pass runs along its outputs (see DenseLoops). */
    static final int WIDE_OUTPUT = 8;

    private final int[] widths;
    private final Activation activation;
    private final FusedMlp kernel;
    private final double[][] params = new double[1][];
    private final double[][] grads = new double[1][];
    private final double[] loss = new double[1];
    private final int[] correct = new int[1];

    public Mlp(int[] widths, Activation activation, int maxBatch) {
        this.kernel = new FusedMlp(widths, activation, maxBatch, 1);
        this.widths = widths.clone();
        this.activation = activation;
    }

    public Mlp(ModelSpec spec, int inputs, int classes, int maxBatch) {
        this(spec.widths(inputs, classes), spec.activation(), maxBatch);
    }

    public int parameterCount() {
        return kernel.parameterCount();
    }

    public int[] widths() {
        return widths.clone();
    }

    /**
     * Fresh parameters drawn only from {@code rng}: hidden kernels he_uniform for relu
     * (U(+-sqrt(6 / fan_in))) and glorot_uniform otherwise, the output kernel glorot_uniform
     * (U(+-sqrt(6 / (fan_in + fan_out)))), biases 0. Values are drawn in layout order.
     */
    public double[] initialParameters(SplitMix64 rng) {
        return initialParameters(widths, activation, rng);
    }

    /** {@link #initialParameters(SplitMix64)} for any shape. */
    public static double[] initialParameters(int[] widths, Activation activation, SplitMix64 rng) {
        int layers = widths.length - 1;
        int count = 0;
        for (int l = 0; l < layers; l++) {
            count += widths[l] * widths[l + 1] + widths[l + 1];
        }
        double[] p = new double[count];
        int k = 0;
        for (int l = 0; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            boolean hidden = l < layers - 1;
            double limit = hidden && activation == Activation.RELU
                    ? Math.sqrt(6.0 / in)
                    : Math.sqrt(6.0 / (in + out));
            for (int j = 0; j < in * out; j++) {
                p[k + j] = limit * (2.0 * rng.nextDouble() - 1.0);
            }
            k += in * out + out;
        }
        return p;
    }

    /**
     * One batch: forward pass, loss and the gradient of the batch's mean loss written into
     * {@code grad}. Rows are {@code order[start .. start + count)} of {@code x} (row-major,
     * {@code widths[0]} columns). Returns the batch's summed loss; {@link #lastCorrect()} then
     * holds how many rows were classified correctly.
     */
    public double forwardBackward(double[] params, double[] grad, double[] x, int[] labels,
                                  int[] order, int start, int count) {
        this.params[0] = params;
        this.grads[0] = grad;
        kernel.forwardBackward(this.params, this.grads, null, x, labels, order, start, count, loss, correct);
        return loss[0];
    }

    /**
     * Loss and accuracy over all {@code rows} of {@code x} with no gradient, in chunks of the
     * buffer size. Returns the summed loss; {@link #lastCorrect()} holds the correct count.
     */
    public double evaluate(double[] params, double[] x, int[] labels, int rows) {
        this.params[0] = params;
        kernel.evaluate(this.params, null, x, labels, rows, loss, correct);
        return loss[0];
    }

    /** Correct predictions in the last {@link #forwardBackward} or {@link #evaluate} call. */
    public int lastCorrect() {
        return correct[0];
    }
}
