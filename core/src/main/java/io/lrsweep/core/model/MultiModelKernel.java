package io.lrsweep.core.model;

/**
 * A training kernel for several models of one shape that see the same batches (see
 * {@link io.lrsweep.core.train.FusedTrainer}). Whatever the implementation, each model gets the
 * very bits it would get alone from {@link Mlp}: implementations differ in how they lay the
 * models out for the CPU, never in the order of any sum.
 */
public sealed interface MultiModelKernel permits FusedMlp, LaneMlp {

    /** Parameters per model (Keras layout, see {@link Mlp}). */
    int parameterCount();

    /** See {@link FusedMlp#forwardBackward}. */
    void forwardBackward(double[][] params, double[][] grads, boolean[] active, double[] x, int[] labels,
                         int[] order, int start, int count, double[] loss, int[] correct);

    /** See {@link FusedMlp#evaluate}. */
    void evaluate(double[][] params, boolean[] active, double[] x, int[] labels, int rows, double[] loss, int[] correct);

    /**
     * The fastest kernel for {@code models} models of this shape on this JVM: {@link LaneMlp}
     * (the models as vector lanes) when the JVM has the Vector API module and the shape is one it
     * handles, else {@link FusedMlp}. The system property {@code lrsweep.kernel=plain} forces the
     * latter (benchmarks compare the two).
     */
    static MultiModelKernel create(int[] widths, Activation activation, int maxBatch, int models) {
        if (LaneMlp.supports(widths, models) && VectorSupport.available()
                && !"plain".equals(System.getProperty("lrsweep.kernel"))) {
            return new LaneMlp(widths, activation, maxBatch, models);
        }
        return new FusedMlp(widths, activation, maxBatch, models);
    }
}
