package io.lrsweep.bench.jmh;

import io.lrsweep.core.model.Elementary;
import io.lrsweep.core.model.ElementaryLanes;
import io.lrsweep.core.random.SplitMix64;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * ns per value of the deterministic elementary functions over arrays of 1024 values: scalar
 * {@link Elementary}, vector {@link ElementaryLanes} at the preferred width, and
 * {@link StrictMath} (fdlibm through JNI on Java 17) for scale. Every variant reads one array and
 * writes another. Arguments are what the engine passes: exp of logits minus their max, log of
 * clipped probabilities, tanh and sigmoid of pre-activations. Each vector benchmark is a loop with
 * one function in it, the way ElementaryLanes must be called (see its class comment); run with
 * {@code -prof gc} to see that nothing is allocated. For 256- or 128-bit vectors add
 * {@code -jvmArgsAppend -XX:UseAVX=2} or {@code -XX:UseAVX=0}:
 * <pre>
 * mvn -o -q -DskipTests package
 * java --add-modules jdk.incubator.vector -cp bench/target/classes:$(cat bench/target/classpath.txt) \
 *     org.openjdk.jmh.Main ElementaryBenchmark -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ElementaryBenchmark {
    private static final int N = 1024;
    private static final VectorSpecies<Double> V = DoubleVector.SPECIES_PREFERRED;
    private final double[] logits = new double[N];
    private final double[] probabilities = new double[N];
    private final double[] activations = new double[N];
    private final double[] out = new double[N];

    @Setup
    public void setUp() {
        SplitMix64 rng = new SplitMix64(5);
        for (int i = 0; i < N; i++) {
            logits[i] = -30.0 * rng.nextDouble();
            probabilities[i] = 1e-7 + (1.0 - 2e-7) * rng.nextDouble();
            activations[i] = 8.0 * (rng.nextDouble() - 0.5);
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] strictExp() {
        for (int i = 0; i < N; i++) {
            out[i] = StrictMath.exp(logits[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] scalarExp() {
        for (int i = 0; i < N; i++) {
            out[i] = Elementary.exp(logits[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] vectorExp() {
        for (int i = 0; i < N; i += V.length()) {
            ElementaryLanes.exp(DoubleVector.fromArray(V, logits, i)).intoArray(out, i);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] strictLog() {
        for (int i = 0; i < N; i++) {
            out[i] = StrictMath.log(probabilities[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] scalarLog() {
        for (int i = 0; i < N; i++) {
            out[i] = Elementary.log(probabilities[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] vectorLog() {
        for (int i = 0; i < N; i += V.length()) {
            ElementaryLanes.log(DoubleVector.fromArray(V, probabilities, i)).intoArray(out, i);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] strictTanh() {
        for (int i = 0; i < N; i++) {
            out[i] = StrictMath.tanh(activations[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] scalarTanh() {
        for (int i = 0; i < N; i++) {
            out[i] = Elementary.tanh(activations[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] vectorTanh() {
        for (int i = 0; i < N; i += V.length()) {
            ElementaryLanes.tanh(DoubleVector.fromArray(V, activations, i)).intoArray(out, i);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] scalarSigmoid() {
        for (int i = 0; i < N; i++) {
            out[i] = Elementary.sigmoid(activations[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] vectorSigmoid() {
        for (int i = 0; i < N; i += V.length()) {
            ElementaryLanes.sigmoid(DoubleVector.fromArray(V, activations, i)).intoArray(out, i);
        }
        return out;
    }
}
