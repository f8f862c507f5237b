package io.lrsweep.bench.jmh;

import breeze.linalg.DenseMatrix;
import breeze.linalg.DenseMatrix$mcD$sp;
import breeze.linalg.operators.HasOps$;
import breeze.generic.UFunc;
import io.lrsweep.bench.ReferenceProblem;
import io.lrsweep.core.model.Activation;
import io.lrsweep.core.model.Kernel;
import io.lrsweep.core.model.LossFunction;
import io.lrsweep.core.model.Network;
import io.lrsweep.core.random.SplitMix64;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One training batch of the reference shape (32 rows, 2-50-3 relu, softmax, clipped
 * cross-entropy): forward pass, loss and all gradients, written with Breeze's matrix products
 * (which Spark brings; they call BLAS dgemm through dev.ludovic.netlib) against the hand-written
 * engine's {@link Kernel}. The elementwise parts (bias, relu, softmax) are loops in both, so the
 * difference is the matrix products and Breeze's allocation of every result.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(2)
public class BreezeBenchmark {
    private static final int ROWS = 32;
    private static final int IN = 2;
    private static final int HIDDEN = 50;
    private static final int OUT = 3;

    private Kernel kernel;
    private double[] params;
    private double[] grad;
    /** Breeze's side: the same shape in Keras's layout (row-major kernels, then biases). */
    private double[] kerasParams;
    private double[] x;
    private int[] labels;
    private int[] order;
    private ReferenceProblem problem;
    private UFunc.UImpl2<Object, DenseMatrix<Object>, DenseMatrix<Object>, DenseMatrix<Object>> multiply;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        problem = new ReferenceProblem();
        x = problem.train.features();
        labels = problem.train.labels();
        order = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            order[i] = i;
        }
        Network net = new Network(new int[]{IN, HIDDEN, OUT}, Activation.RELU);
        kernel = new Kernel(net, ROWS);
        params = new double[net.parameterCount()];
        net.initialize(new SplitMix64(1), params, 0);
        grad = new double[params.length];
        SplitMix64 rng = new SplitMix64(1);
        kerasParams = new double[IN * HIDDEN + HIDDEN + HIDDEN * OUT + OUT];
        for (int i = 0; i < kerasParams.length; i++) {
            kerasParams[i] = 0.2 * (2.0 * rng.nextDouble() - 1.0);
        }
        multiply = (UFunc.UImpl2<Object, DenseMatrix<Object>, DenseMatrix<Object>, DenseMatrix<Object>>) (Object)
                HasOps$.MODULE$.impl_OpMulMatrix_DMD_DMD_eq_DMD();
    }

    @Benchmark
    public double handWritten() {
        kernel.loadBatch(problem.train, order, 0, ROWS);
        kernel.trainStep(LossFunction.KERAS_CLIPPED, params, grad);
        return kernel.lossSum();
    }

    private DenseMatrix<Object> times(DenseMatrix<Object> a, DenseMatrix<Object> b) {
        return multiply.apply(a, b);
    }

    /** A column-major matrix over {@code data}, or the transposed view of one. */
    private static DenseMatrix<Object> matrix(int rows, int cols, double[] data, int offset, boolean rowMajor) {
        return new DenseMatrix$mcD$sp(rows, cols, data, offset, rowMajor ? cols : rows, rowMajor);
    }

    @Benchmark
    public double breeze() {
        // X: the batch (row-major in x); W1, W2: Keras layout, i.e. row-major (in x out).
        DenseMatrix<Object> xb = matrix(ROWS, IN, x, 0, true);
        DenseMatrix<Object> w1 = matrix(IN, HIDDEN, kerasParams, 0, true);
        int b1 = IN * HIDDEN;
        int w2o = b1 + HIDDEN;
        int b2 = w2o + HIDDEN * OUT;
        DenseMatrix<Object> w2 = matrix(HIDDEN, OUT, kerasParams, w2o, true);
        DenseMatrix<Object> h = times(xb, w1);
        double[] hd = h.data$mcD$sp();
        for (int o = 0; o < HIDDEN; o++) {
            for (int r = 0; r < ROWS; r++) {
                hd[r + o * ROWS] = Math.max(hd[r + o * ROWS] + kerasParams[b1 + o], 0.0);
            }
        }
        DenseMatrix<Object> z = times(h, w2);
        double[] zd = z.data$mcD$sp();
        double[] dd = new double[ROWS * OUT];
        double loss = 0.0;
        for (int r = 0; r < ROWS; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int o = 0; o < OUT; o++) {
                zd[r + o * ROWS] += kerasParams[b2 + o];
                max = Math.max(max, zd[r + o * ROWS]);
            }
            double sum = 0.0;
            for (int o = 0; o < OUT; o++) {
                double e = StrictMath.exp(zd[r + o * ROWS] - max);
                zd[r + o * ROWS] = e;
                sum += e;
            }
            int label = labels[r];
            double pl = zd[r + label * ROWS] / sum;
            double p = Math.min(Math.max(pl, LossFunction.EPSILON), 1.0 - LossFunction.EPSILON);
            loss -= StrictMath.log(p);
            boolean passes = pl >= LossFunction.EPSILON && pl <= 1.0 - LossFunction.EPSILON;
            for (int o = 0; o < OUT; o++) {
                dd[r + o * ROWS] = passes ? (zd[r + o * ROWS] / sum - (o == label ? 1.0 : 0.0)) / ROWS : 0.0;
            }
        }
        DenseMatrix<Object> d = matrix(ROWS, OUT, dd, 0, false);
        DenseMatrix<Object> hT = matrix(HIDDEN, ROWS, hd, 0, true);
        DenseMatrix<Object> g2 = times(hT, d);
        DenseMatrix<Object> w2T = matrix(OUT, HIDDEN, kerasParams, w2o, false);
        DenseMatrix<Object> dh = times(d, w2T);
        double[] dhd = dh.data$mcD$sp();
        for (int j = 0; j < dhd.length; j++) {
            dhd[j] = hd[j] > 0.0 ? dhd[j] : 0.0;
        }
        DenseMatrix<Object> xT = matrix(IN, ROWS, x, 0, false);
        DenseMatrix<Object> g1 = times(xT, dh);
        return loss + g1.data$mcD$sp()[0] + g2.data$mcD$sp()[0];
    }
}
