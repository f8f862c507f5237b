package io.lrsweep.job.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweeps on a real standalone cluster on loopback (scripts/local-cluster: a Master and two Workers
 * of one core, each its own JVM, with Spark but not lrsweep on their classpath), driven the two
 * ways a user drives one: {@code lrsweep run --master spark://...} and spark-submit. One run loses
 * an executor mid-task; both must end with every trial exactly once and the same rows, bit for
 * bit, as an uninterrupted local[2] run.
 */
class ClusterSweepTest {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    static Path dir;

    private static LocalCluster cluster;
    private static Classpaths.AppJars jars;
    private static Path sweep;
    private static Path reference;

    @BeforeAll
    static void startCluster() throws Exception {
        jars = Classpaths.appJars(dir);
        sweep = Sweeps.write(dir);
        List<String> sparkOnly = Classpaths.sparkOnly();
        assertTrue(Classpaths.canLoad(sparkOnly, "org.apache.spark.executor.CoarseGrainedExecutorBackend"));
        for (String ours : List.of("io.lrsweep.job.run.SweepRunner", "io.lrsweep.core.train.Engine")) {
            assertFalse(Classpaths.canLoad(sparkOnly, ours), "the cluster must get " + ours + " from the driver");
        }
        cluster = LocalCluster.start(dir.resolve("cluster"), 2, sparkOnly);
        LocalCluster.Result status = cluster.status();
        assertEquals(0, status.status(), status::output);
        assertTrue(status.output().contains("worker-2 running"), status::output);
        reference = Sweeps.reference(dir);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster == null) {
            return;
        }
        List<ProcessHandle> started = cluster.processes();
        try {
            assertTrue(started.size() >= 3, "a Master and two Workers ran until now: " + started);
            LocalCluster.Result stopped = cluster.stop();
            assertEquals(0, stopped.status(), stopped::output);
            for (ProcessHandle p : started) {
                assertFalse(LocalCluster.running(p), "scripts/local-cluster stop left pid " + p.pid() + " running");
            }
            LocalCluster.Result status = cluster.status();
            assertEquals(3, status.status(), "status after stop: " + status.output());
        } finally {
            cluster.close();
        }
    }

    @Test
    void lrsweepRunFinishesThroughTaskRetryWhenAnExecutorIsKilledMidTask() throws Exception {
        Path out = dir.resolve("killed-executor");
        try (ChildJvm driver = ChildJvm.start(dir, "driver-cli", Classpaths.driver(jars), "io.lrsweep.job.cli.Main",
                List.of("run", sweep.toString(), "--out", out.toString(), "--master", cluster.masterUrl(), "--verbose"))) {
            Victim victim = awaitRunningTrial(driver);
            victim.executor().destroyForcibly();
            victim.executor().onExit().get();

            assertEquals(0, driver.awaitExit(RUN_TIMEOUT), driver::tail);
            Set<String> lost = ExecutorLog.parse(LocalCluster.read(victim.log())).unfinished();
            assertFalse(lost.isEmpty(), "the executor was killed while it trained a trial");
            String log = driver.log();
            for (String task : lost) {
                // The driver saw the attempt fail and ran the trial again, as a later attempt, to the end.
                assertTrue(log.contains("Lost task " + task + " in stage 0.0"), "lost " + task + ": " + driver.tail());
                assertTrue(Pattern.compile("Finished task " + ExecutorLog.partition(task) + "\\.[1-9]\\d* in stage 0\\.0")
                        .matcher(log).find(), "retried " + task + ": " + driver.tail());
            }
            assertTrue(log.contains(Sweeps.TRIALS + " trials: " + Sweeps.TRIALS + " ran (ok " + Sweeps.TRIALS
                    + ", diverged 0, saturated 0, stalled 0, failed 0), 0 resumed"), driver::tail);
            System.out.printf("cluster fault: killed executor pid %d (worker %d) while it ran trial task(s) %s; retried%n",
                    victim.executor().pid(), victim.worker(), lost);
        }
        try (SweepTables tables = new SweepTables()) {
            tables.assertEveryTrialOnce(out, Sweeps.TRIALS);
            assertEquals(0, tables.differences(reference, out), "cluster rows equal the local[2] rows");
        }
    }

    @Test
    void sparkSubmitRunsTheSweepWithTheApplicationJar() throws Exception {
        Path out = dir.resolve("submitted");
        // What spark-submit runs: SparkSubmit, with lrsweep only in the application jar and --jars.
        try (ChildJvm driver = ChildJvm.start(dir, "driver-submit", Classpaths.sparkOnly(), "org.apache.spark.deploy.SparkSubmit",
                List.of("--master", cluster.masterUrl(), "--class", "io.lrsweep.job.cli.Main", "--jars", jars.core().toString(),
                        jars.job().toString(), "run", sweep.toString(), "--out", out.toString(), "--ui"))) {
            assertEquals(0, driver.awaitExit(RUN_TIMEOUT), driver::tail);
            assertTrue(driver.log().contains("Spark UI: http://127.0.0.1:"), "--ui starts the UI, on loopback: " + driver.tail());
        }
        try (SweepTables tables = new SweepTables()) {
            tables.assertEveryTrialOnce(out, Sweeps.TRIALS);
            assertEquals(0, tables.differences(reference, out), "submitted rows equal the local[2] rows");
        }
    }

    /** An executor JVM, its Worker, and its log. */
    private record Victim(ProcessHandle executor, int worker, Path log) {}

    /**
     * Waits for an executor that has finished a trial (its outcome is cached there for the second
     * table's write, so that is lost too) and is training another one now, while enough trials
     * remain for the kill to fall mid-sweep.
     */
    private static Victim awaitRunningTrial(ChildJvm driver) {
        AtomicReference<Victim> victim = new AtomicReference<>();
        Polling.until("an executor training a trial after the first finished one", RUN_TIMEOUT, () -> {
            if (!driver.alive()) {
                throw new AssertionError("the driver ended before the fault was injected:\n" + driver.tail());
            }
            int finished = 0;
            Victim candidate = null;
            for (int worker = 1; worker <= 2; worker++) {
                Optional<ProcessHandle> executor = cluster.executorOf(worker);
                if (executor.isEmpty()) {
                    continue;
                }
                Path log = cluster.logOf(worker, executor.get());
                ExecutorLog tasks = ExecutorLog.parse(LocalCluster.read(log));
                finished += tasks.finished().size();
                if (!tasks.finished().isEmpty() && !tasks.unfinished().isEmpty()) {
                    candidate = new Victim(executor.get(), worker, log);
                }
            }
            if (finished > Sweeps.SEEDS - 3) { // tasks: one per seed (see Sweeps)
                throw new AssertionError("the sweep got too far before an executor was seen training a trial");
            }
            if (candidate != null) {
                victim.set(candidate);
                return true;
            }
            return false;
        });
        return victim.get();
    }
}
