package io.lrsweep.bench.jmh;

import io.lrsweep.core.model.Fdlibm;
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
 * exp and log as the softmax calls them (exp of logit minus max, log of a clipped probability):
 * StrictMath (a JNI call into the JDK's C fdlibm on Java 17) against the Java port in
 * {@link Fdlibm}, which gives the same bits.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class TranscendentalBenchmark {
    private static final int N = 1024;
    private final double[] logits = new double[N];
    private final double[] probabilities = new double[N];

    @Setup
    public void setUp() {
        io.lrsweep.core.random.SplitMix64 rng = new io.lrsweep.core.random.SplitMix64(3);
        for (int i = 0; i < N; i++) {
            logits[i] = -6.0 * rng.nextDouble();
            probabilities[i] = 1e-7 + (1.0 - 2e-7) * rng.nextDouble();
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double strictExp() {
        double s = 0;
        for (double x : logits) {
            s += StrictMath.exp(x);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double fdlibmExp() {
        double s = 0;
        for (double x : logits) {
            s += Fdlibm.exp(x);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double strictLog() {
        double s = 0;
        for (double p : probabilities) {
            s += StrictMath.log(p);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double fdlibmLog() {
        double s = 0;
        for (double p : probabilities) {
            s += Fdlibm.log(p);
        }
        return s;
    }
}
