package io.lrsweep.bench.jmh;

import io.lrsweep.bench.Engine;
import io.lrsweep.bench.shapes.Shape;
import io.lrsweep.bench.shapes.ShapeProblem;
import io.lrsweep.core.train.TrialResult;
import io.lrsweep.core.train.TrialSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shape matrix ({@link Shape}, every constant): one trial through the engine's public entry
 * point ({@link Engine#train}), one thread, per-epoch validation included, in milliseconds per
 * trial. {@link #lone} trains one trial at lr 0.01; {@link #groupOf8} the 8 learning rates of one
 * seed together, reported per trial ({@code @OperationsPerInvocation(8)}).
 *
 * <p>A trial that diverges stops early and would be timed short, so every result is checked to
 * have run all its epochs; a short one aborts the benchmark with the reason rather than giving a
 * number. One fork, and fewer iterations for the groups: a group of 8 of the widest shape takes
 * many seconds per call (an iteration is at least one call), and the matrix must stay within a
 * few minutes. Warm-up is long: C2 compiles the engine's vector methods one by one over the first
 * 10-20 trials of a wide shape (a 64-wide trial takes ~1 s cold, ~0.2 s warm), and a sweep runs
 * thousands of trials in one JVM, so the steady state is what a user gets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class ShapeBenchmark {

    @Param
    public Shape shape;

    private ShapeProblem problem;
    private List<TrialSettings> lone;
    private List<TrialSettings> group;

    @Setup
    public void setUp() {
        problem = ShapeProblem.of(shape);
        lone = List.of(shape.settings(Shape.LEARNING_RATE));
        group = shape.group();
    }

    @Benchmark
    @Warmup(iterations = 8, time = 3)
    @Measurement(iterations = 5, time = 2)
    public List<TrialResult> lone() {
        return checked(Engine.train(lone, problem.train(), problem.validation(), 0));
    }

    @Benchmark
    @OperationsPerInvocation(8)
    @Warmup(iterations = 4, time = 3)
    @Measurement(iterations = 3, time = 2)
    public List<TrialResult> groupOf8() {
        return checked(Engine.train(group, problem.train(), problem.validation(), 0));
    }

    private List<TrialResult> checked(List<TrialResult> results) {
        for (TrialResult r : results) {
            if (r.epochsCompleted() != shape.epochs) {
                throw new IllegalStateException(shape + ": a trial ran " + r.epochsCompleted() + " of " + shape.epochs
                        + " epochs (" + r.status() + ": " + r.statusReason() + "); its time would not be a whole trial's");
            }
        }
        return results;
    }
}
