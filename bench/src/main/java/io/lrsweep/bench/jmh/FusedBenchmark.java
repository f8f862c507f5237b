package io.lrsweep.bench.jmh;

import io.lrsweep.bench.ReferenceProblem;
import io.lrsweep.core.optim.Sgd;
import io.lrsweep.core.train.Engine;
import io.lrsweep.core.train.EpochListener;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Trials of one seed trained one at a time against the same trials trained as one group by the
 * {@link Engine}: each operation trains the whole group, so trials per second is
 * {@code trials / time}. Groups: the 8 learning rates of conf/learning-rate.json, and 16 SGD
 * settings (8 learning rates x 2 momenta), the sweep's largest group. {@code fused} uses the
 * Vector API arithmetic (as scripts/bench runs JMH with the module), {@code fusedPlain} the
 * plain-Java definition.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(2)
public class FusedBenchmark {

    @Param({"8", "16"})
    public int trials;

    private ReferenceProblem problem;
    private List<TrialSettings> group;

    @Setup
    public void setUp() {
        problem = new ReferenceProblem();
        group = new ArrayList<>();
        double[] momenta = trials == 8 ? new double[]{0.0} : new double[]{0.0, 0.9};
        for (double m : momenta) {
            for (double lr : ReferenceProblem.LEARNING_RATES) {
                group.add(ReferenceProblem.settings(new Sgd(lr, m, false, 0.0), null));
            }
        }
    }

    @Benchmark
    public List<TrialResult> oneAtATime() {
        List<TrialResult> out = new ArrayList<>(group.size());
        for (TrialSettings t : group) {
            out.add(Engine.train(t, problem.train, problem.validation, 0));
        }
        return out;
    }

    /** The group on the fastest arithmetic this JVM has (the Vector API when the module is present). */
    @Benchmark
    public List<TrialResult> fused() {
        System.clearProperty(PLAIN_PROPERTY);
        return Engine.train(group, problem.train, problem.validation, 0, EpochListener.NONE);
    }

    /** The group held to the plain-Java arithmetic (what runs without the Vector API). */
    @Benchmark
    public List<TrialResult> fusedPlain() {
        System.setProperty(PLAIN_PROPERTY, "plain");
        return Engine.train(group, problem.train, problem.validation, 0, EpochListener.NONE);
    }

    private static final String PLAIN_PROPERTY = "lrsweep.kernel";
}
