package io.lrsweep.core.model;

import io.lrsweep.core.optim.ParameterBlock;
import io.lrsweep.core.random.SplitMix64;

import java.util.Arrays;

/**
 * A network's shape and the engine's layout of one model's parameters, fixed by the shape alone
 * (never by the CPU, the vector width or the group a model trains in).
 *
 * <p>Every width is padded to a multiple of {@link #PAD} doubles. Layer {@code l} maps
 * {@code in = widths[l]} units to {@code out = widths[l + 1]}; its kernel is a
 * {@code padded(in) x padded(out)} matrix stored in one of two {@link Orientation}s:
 * {@code BY_INPUT} (a row per input, Keras's {@code W[i][o]}) or {@code BY_OUTPUT} (a row per
 * output, {@code W[o][i]}), followed by the bias ({@code padded(out)} values). The output layer is always
 * BY_OUTPUT; a hidden layer is BY_OUTPUT when it has at least {@link #WIDE_INPUT} inputs, else
 * BY_INPUT. The orientation only decides which loops are fast; the arithmetic of every value is
 * the same either way (see the package comment). Padded entries start at +0.
 */
public final class Network {
    /** Every stride is a multiple of this many doubles: one AVX-512 vector, two AVX2, four SSE. */
    public static final int PAD = 8;
    /** From this many inputs on a hidden layer is stored BY_OUTPUT (its sums run along the inputs). */
    static final int WIDE_INPUT = 128;

    /** How a layer's kernel is laid out. */
    public enum Orientation { BY_INPUT, BY_OUTPUT }

    private final int[] widths;
    private final int[] padded;
    private final Activation activation;
    private final Orientation[] orientation;
    private final int[] kernelOffset;
    private final int[] biasOffset;
    private final int parameterCount;

    public Network(int[] widths, Activation activation) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("a network needs at least an input and an output width");
        }
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException("every width must be >= 1, got " + Arrays.toString(widths));
            }
        }
        this.widths = widths.clone();
        this.activation = activation;
        int layers = widths.length - 1;
        this.padded = new int[widths.length];
        for (int l = 0; l < widths.length; l++) {
            padded[l] = padded(widths[l]);
        }
        this.orientation = new Orientation[layers];
        this.kernelOffset = new int[layers];
        this.biasOffset = new int[layers];
        long offset = 0;
        for (int l = 0; l < layers; l++) {
            boolean output = l == layers - 1;
            orientation[l] = output || widths[l] >= WIDE_INPUT ? Orientation.BY_OUTPUT : Orientation.BY_INPUT;
            kernelOffset[l] = (int) offset;
            offset += (long) kernelRows(l) * kernelStride(l);
            biasOffset[l] = (int) offset;
            offset += padded[l + 1];
            if (offset > Integer.MAX_VALUE - PAD) {
                throw new IllegalArgumentException("a network of widths " + Arrays.toString(widths)
                        + " has more parameters than one array holds");
            }
        }
        this.parameterCount = (int) offset;
    }

    public Network(ModelSpec spec, int inputs, int classes) {
        this(spec.widths(inputs, classes), spec.activation());
    }

    /** {@code n} rounded up to a multiple of {@link #PAD}. */
    public static int padded(int n) {
        return (n + PAD - 1) / PAD * PAD;
    }

    public int layers() {
        return widths.length - 1;
    }

    public int width(int l) {
        return widths[l];
    }

    public int paddedWidth(int l) {
        return padded[l];
    }

    public int inputs() {
        return widths[0];
    }

    public int classes() {
        return widths[widths.length - 1];
    }

    public Activation activation() {
        return activation;
    }

    public Orientation orientation(int layer) {
        return orientation[layer];
    }

    /** Rows of layer {@code l}'s kernel: its padded inputs (BY_INPUT) or its padded outputs (BY_OUTPUT). */
    public int kernelRows(int l) {
        return orientation[l] == Orientation.BY_INPUT ? padded[l] : padded[l + 1];
    }

    /** Doubles per kernel row: the padded outputs (BY_INPUT) or the padded inputs (BY_OUTPUT). */
    public int kernelStride(int l) {
        return orientation[l] == Orientation.BY_INPUT ? padded[l + 1] : padded[l];
    }

    public int kernelOffset(int l) {
        return kernelOffset[l];
    }

    public int biasOffset(int l) {
        return biasOffset[l];
    }

    /** Where weight {@code W[i][o]} (Keras's indices) of layer {@code l} is stored. */
    public int weightIndex(int l, int i, int o) {
        return orientation[l] == Orientation.BY_INPUT
                ? kernelOffset[l] + i * padded[l + 1] + o
                : kernelOffset[l] + o * padded[l] + i;
    }

    /** Doubles per model, padding included: the length of a model's parameter (and gradient) block. */
    public int parameterCount() {
        return parameterCount;
    }

    /**
     * The kernel weights' place in the block, for weight decay: one run per kernel row over its
     * real entries (BY_INPUT: input {@code i}'s {@code out} weights; BY_OUTPUT: output {@code o}'s
     * {@code in} weights), layer by layer, so that neither a bias nor a pad is in any run.
     */
    public ParameterBlock parameterBlock() {
        int runs = 0;
        for (int l = 0; l < layers(); l++) {
            runs += orientation[l] == Orientation.BY_INPUT ? widths[l] : widths[l + 1];
        }
        int[] start = new int[runs];
        int[] length = new int[runs];
        int r = 0;
        for (int l = 0; l < layers(); l++) {
            boolean byInput = orientation[l] == Orientation.BY_INPUT;
            int rows = byInput ? widths[l] : widths[l + 1];
            for (int row = 0; row < rows; row++) {
                start[r] = kernelOffset[l] + row * kernelStride(l);
                length[r] = byInput ? widths[l + 1] : widths[l];
                r++;
            }
        }
        return new ParameterBlock(parameterCount, start, length);
    }

    /** Parameters without padding, as a user counts them (kernels and biases). */
    public long realParameterCount() {
        long n = 0;
        for (int l = 0; l < layers(); l++) {
            n += (long) widths[l] * widths[l + 1] + widths[l + 1];
        }
        return n;
    }

    /**
     * Fresh parameters into {@code p[from .. from + parameterCount)}, drawn only from {@code rng}:
     * hidden kernels he_uniform for relu (U(+-sqrt(6 / fan_in))) and glorot_uniform otherwise, the
     * output kernel glorot_uniform (U(+-sqrt(6 / (fan_in + fan_out)))), biases and padding +0.
     * Values are drawn in Keras's order (layer by layer, {@code W[i][o]} row-major), so the initial
     * weights do not depend on the layout.
     */
    public void initialize(SplitMix64 rng, double[] p, int from) {
        Arrays.fill(p, from, from + parameterCount, 0.0);
        int layers = layers();
        for (int l = 0; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            boolean hidden = l < layers - 1;
            double limit = hidden && activation == Activation.RELU
                    ? Math.sqrt(6.0 / in)
                    : Math.sqrt(6.0 / (in + out));
            for (int i = 0; i < in; i++) {
                for (int o = 0; o < out; o++) {
                    p[from + weightIndex(l, i, o)] = limit * (2.0 * rng.nextDouble() - 1.0);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Network" + Arrays.toString(widths) + " " + activation.label;
    }
}
