package io.lrsweep.bench.jmh;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * This core's double-precision peak: chains of fused multiply-adds with more independent
 * accumulators than the FMA latency, so the FMA units never wait. {@link #vectorFma} uses the
 * widest vectors the CPU has (AVX2: 4 doubles) through the Vector API and is the peak the kernel
 * is compared with; {@link #scalarFma} is the same with one double per instruction, for scale.
 * Each invocation performs {@link #FLOPS_PER_CALL} (vector) or {@link #SCALAR_FLOPS_PER_CALL}
 * floating-point operations (a multiply-add counts 2).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class PeakBenchmark {
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int STEPS = 10_000;
    static final int CHAINS = 12;
    public static final long FLOPS_PER_CALL = 2L * STEPS * CHAINS * SPECIES.length();
    public static final long SCALAR_FLOPS_PER_CALL = 2L * STEPS * CHAINS;

    public double m = 0.999_999;
    public double c = 1e-9;

    /** The vector width in doubles this JVM uses (reported with the result). */
    public static int lanes() {
        return SPECIES.length();
    }

    @Benchmark
    public double vectorFma() {
        DoubleVector mv = DoubleVector.broadcast(SPECIES, m);
        DoubleVector cv = DoubleVector.broadcast(SPECIES, c);
        DoubleVector a0 = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (int s = 0; s < STEPS; s++) {
            a0 = a0.fma(mv, cv);
            a1 = a1.fma(mv, cv);
            a2 = a2.fma(mv, cv);
            a3 = a3.fma(mv, cv);
            a4 = a4.fma(mv, cv);
            a5 = a5.fma(mv, cv);
            a6 = a6.fma(mv, cv);
            a7 = a7.fma(mv, cv);
            a8 = a8.fma(mv, cv);
            a9 = a9.fma(mv, cv);
            a10 = a10.fma(mv, cv);
            a11 = a11.fma(mv, cv);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    @Benchmark
    public double scalarFma() {
        double a0 = 1, a1 = 1, a2 = 1, a3 = 1, a4 = 1, a5 = 1, a6 = 1, a7 = 1, a8 = 1, a9 = 1, a10 = 1, a11 = 1;
        double mm = m;
        double cc = c;
        for (int s = 0; s < STEPS; s++) {
            a0 = Math.fma(a0, mm, cc);
            a1 = Math.fma(a1, mm, cc);
            a2 = Math.fma(a2, mm, cc);
            a3 = Math.fma(a3, mm, cc);
            a4 = Math.fma(a4, mm, cc);
            a5 = Math.fma(a5, mm, cc);
            a6 = Math.fma(a6, mm, cc);
            a7 = Math.fma(a7, mm, cc);
            a8 = Math.fma(a8, mm, cc);
            a9 = Math.fma(a9, mm, cc);
            a10 = Math.fma(a10, mm, cc);
            a11 = Math.fma(a11, mm, cc);
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;
    }
}
