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
 * This core's double-precision peak: chains of arithmetic with more independent accumulators
 * than the latency covers, so the units never wait for a result.
 * <ul>
 *   <li>{@link #vectorFma}: fused multiply-adds at the widest vector the JVM offers,
 *       {@code DoubleVector.SPECIES_PREFERRED} (8 doubles on AVX-512, 4 on AVX2): the physical
 *       peak, 2 FMA ports x lanes x 2 FLOPs per cycle on most x86 cores.</li>
 *   <li>{@link #vectorMulAdd}: the same chains as a multiply then an add, two instructions. The
 *       engine uses no FMA (its results must be the same bits on CPUs without one), so this is
 *       its own ceiling; on cores whose multiplies and adds share the FMA ports it is half the
 *       FMA peak.</li>
 *   <li>{@link #scalarFma}: one double per instruction, for scale.</li>
 * </ul>
 * 12 chains: an FMA's latency is 4 cycles on current x86 cores and 2 issue per cycle, so 8 in
 * flight keep the ports busy; a multiply then an add is 6 to 8 cycles of latency per step at 1
 * step per cycle (2 ports), so 12 cover it too, and 12 accumulators plus 2 constants fit in the
 * 16 vector registers of AVX2 without spilling. Each call performs
 * {@code 2 x STEPS x CHAINS x lanes} FLOPs (a multiply-add, fused or not, counts 2;
 * {@link #flopsPerCall}); the lane count of the run is recorded by {@link VectorInfo}, started
 * with the same JVM options as the forks.
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
    public static final long SCALAR_FLOPS_PER_CALL = 2L * STEPS * CHAINS;

    public double m = 0.999_999;
    public double c = 1e-9;

    /** FLOPs of one call of {@link #vectorFma} or {@link #vectorMulAdd} at {@code lanes} doubles per vector. */
    public static long flopsPerCall(int lanes) {
        return 2L * STEPS * CHAINS * lanes;
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

    /** As {@link #vectorFma} with a separate multiply and add (not fused: Java never contracts them). */
    @Benchmark
    public double vectorMulAdd() {
        DoubleVector mv = DoubleVector.broadcast(SPECIES, m);
        DoubleVector cv = DoubleVector.broadcast(SPECIES, c);
        DoubleVector a0 = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (int s = 0; s < STEPS; s++) {
            a0 = a0.mul(mv).add(cv);
            a1 = a1.mul(mv).add(cv);
            a2 = a2.mul(mv).add(cv);
            a3 = a3.mul(mv).add(cv);
            a4 = a4.mul(mv).add(cv);
            a5 = a5.mul(mv).add(cv);
            a6 = a6.mul(mv).add(cv);
            a7 = a7.mul(mv).add(cv);
            a8 = a8.mul(mv).add(cv);
            a9 = a9.mul(mv).add(cv);
            a10 = a10.mul(mv).add(cv);
            a11 = a11.mul(mv).add(cv);
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
