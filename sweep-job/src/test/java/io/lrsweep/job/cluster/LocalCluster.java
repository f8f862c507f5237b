package io.lrsweep.job.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on loopback, started and stopped with {@code scripts/local-cluster}
 * (so the script is what the tests exercise) on free ports, with the given classpath. {@link #close()} stops it through the script and then ends any recorded
 * process that is still alive, so a failing test leaves nothing running.
 */
final class LocalCluster implements AutoCloseable {

    private final Path dir;
    private final Map<String, String> env;
    /** What start recorded, kept here too: the safety net must not depend on the script's files. */
    private final List<Long> started = new ArrayList<>();

    private LocalCluster(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.env = env;
    }

    /**
     * Starts a Master and {@code workers} Workers of 1 core and 1 GB each and waits until they
     * registered. Every port is 0, so each JVM binds a free one (CI may run anything on 7077/8080);
     * the script records the master URL the Master announced.
     */
    static LocalCluster start(Path dir, int workers, List<String> classpath) {
        Map<String, String> env = Map.of(
                "LRSWEEP_CLUSTER_DIR", dir.toString(),
                "LRSWEEP_CLASSPATH", String.join(File.pathSeparator, classpath),
                "SPARK_MASTER_PORT", "0",
                "SPARK_MASTER_WEBUI_PORT", "0",
                "SPARK_WORKER_WEBUI_PORT", "0",
                "SPARK_WORKER_INSTANCES", Integer.toString(workers),
                "SPARK_WORKER_CORES", "1",
                "SPARK_WORKER_MEMORY", "1g");
        LocalCluster cluster = new LocalCluster(dir, env);
        Result result = cluster.script("start");
        if (Files.isDirectory(dir.resolve("run"))) {
            cluster.started.addAll(cluster.recordedPids());
        }
        if (result.status() != 0) {
            cluster.close();
            throw new AssertionError("scripts/local-cluster start failed:\n" + result.output());
        }
        return cluster;
    }

    String masterUrl() {
        return read(dir.resolve("run/master.url")).strip();
    }

    Path dir() {
        return dir;
    }

    /** What {@code scripts/local-cluster status} says, and its exit status. */
    Result status() {
        return script("status");
    }

    /** The PIDs start recorded: the Master's first, then the Workers'. */
    List<Long> recordedPids() {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("run"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".pid")).sorted().toList()) {
                pids.add(Long.parseLong(Files.readString(f).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }

    long workerPid(int worker) {
        try {
            return Long.parseLong(Files.readString(dir.resolve("run/worker-" + worker + ".pid")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The executor JVM the Worker started for the running application, if any. */
    Optional<ProcessHandle> executorOf(int worker) {
        return ProcessHandle.of(workerPid(worker)).stream().flatMap(ProcessHandle::children)
                .filter(p -> commandLine(p).contains("CoarseGrainedExecutorBackend"))
                .findFirst();
    }

    /** The log of an executor JVM: {@code work/worker-N/<app id>/<executor id>/stderr} of its Worker. */
    Path logOf(int worker, ProcessHandle executor) {
        String command = commandLine(executor);
        return dir.resolve("work/worker-" + worker).resolve(argument(command, "--app-id"))
                .resolve(argument(command, "--executor-id")).resolve("stderr");
    }

    /**
     * The whole command line: from /proc where there is one, because ProcessHandle.Info cuts it
     * at 4096 characters and an executor's classpath alone is longer.
     */
    private static String commandLine(ProcessHandle p) {
        Path proc = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return Files.readString(proc, StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException e) {
            // the process ended meanwhile: it has no command line any more
            return "";
        }
        return p.info().commandLine().orElse("");
    }

    /**
     * Whether the process still runs. An ended process whose parent has not reaped it yet (a
     * zombie: its Worker was stopped first) holds no resources; ProcessHandle calls it alive.
     */
    static boolean running(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
        try {
            String s = Files.readString(stat);
            return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            // no /proc (not Linux), or the process is gone
            return p.isAlive();
        }
    }

    private static String argument(String command, String option) {
        Matcher m = Pattern.compile(option + " (\\S+)").matcher(command);
        if (!m.find()) {
            throw new AssertionError("no " + option + " in the executor's command line: " + command);
        }
        return m.group(1);
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code scripts/local-cluster stop}, and what it said. */
    Result stop() {
        return script("stop");
    }

    /** The recorded processes that still run, with the executors they started. */
    List<ProcessHandle> processes() {
        List<ProcessHandle> processes = new ArrayList<>();
        for (long pid : started) {
            ProcessHandle.of(pid).filter(LocalCluster::running).ifPresent(p -> {
                processes.add(p);
                p.children().filter(LocalCluster::running).forEach(processes::add);
            });
        }
        return processes;
    }

    @Override
    public void close() {
        List<ProcessHandle> processes = processes();
        stop();
        // The script's TERM-then-KILL should have ended them all; a broken script must not leave
        // JVMs behind in CI, so whatever is still running of what was started is killed here.
        for (ProcessHandle p : processes) {
            if (running(p)) {
                p.destroyForcibly();
            }
        }
    }

    record Result(int status, String output) {}

    private Result script(String command) {
        try {
            Path log = Files.createTempFile(dir.getParent(), "local-cluster-", ".out");
            ProcessBuilder builder = new ProcessBuilder(Repo.root().resolve("scripts/local-cluster").toString(), command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process p = builder.start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("scripts/local-cluster " + command + " did not finish within 180 s");
            }
            String output = Files.readString(log);
            Files.delete(log);
            return new Result(p.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
