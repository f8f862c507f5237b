package io.lrsweep.bench.jmh;

import io.lrsweep.bench.ReferenceProblem;
import io.lrsweep.core.train.Engine;
import io.lrsweep.core.train.TrialResult;
import io.lrsweep.core.train.TrialSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One reference trial (blobs, 2-50-3 relu, batch 32, 200 epochs, validation every epoch), the
 * whole of {@link Engine#train}, for the three optimizer setups of the issue.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(2)
public class TrialBenchmark {

    @Param({"sgd", "sgd-momentum-plateau", "adam"})
    public String setup;

    private ReferenceProblem problem;
    private TrialSettings settings;

    @Setup
    public void setUp() {
        problem = new ReferenceProblem();
        settings = switch (setup) {
            case "sgd" -> ReferenceProblem.sgd();
            case "sgd-momentum-plateau" -> ReferenceProblem.sgdMomentumPlateau();
            case "adam" -> ReferenceProblem.adam();
            default -> throw new IllegalArgumentException("unknown setup " + setup);
        };
    }

    @Benchmark
    public TrialResult trial() {
        return Engine.train(settings, problem.train, problem.validation, 0);
    }
}
