package io.lrsweep.job.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of its own (a driver that can be killed), started with the flags Spark needs, on loopback
 * ({@code SPARK_LOCAL_IP=127.0.0.1}), its scratch files in a directory of the test, its stdout and
 * stderr in one log file that the test reads while it runs.
 */
final class ChildJvm implements AutoCloseable {

    /**
     * A JVM started in the background by a non-interactive shell (CI) ignores SIGINT, and its children
     * inherit that; GNU env resets it, so that the signal tests see what a terminal's Ctrl-C does.
     */
    private static final List<String> DEFAULT_SIGNALS = defaultSignals();

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** {@code java <flags> -cp classpath mainClass args}, logging to {@code dir/name.log}. */
    static ChildJvm start(Path dir, String name, List<String> classpath, String mainClass, List<String> args) {
        try {
            Path scratch = Files.createDirectories(dir.resolve(name + "-tmp"));
            Path log = dir.resolve(name + ".log");
            List<String> command = new ArrayList<>(DEFAULT_SIGNALS);
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(Repo.jvmFlags());
            command.add("-Xmx1g");
            command.add("-Djava.io.tmpdir=" + scratch);
            command.add("-Dlog4j2.configurationFile=" + Repo.log4jConfig());
            command.add("-cp");
            command.add(String.join(File.pathSeparator, classpath));
            command.add(mainClass);
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            return new ChildJvm(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> defaultSignals() {
        try {
            Process probe = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor() == 0 ? List.of("env", "--default-signal=INT") : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** Sends the signal ("INT", "TERM") to the JVM, as kill(1) does. */
    void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** What the JVM printed so far. */
    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the exit and returns its status; fails (and kills the JVM) after {@code timeout}. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new AssertionError("JVM still running after " + timeout.toSeconds() + " s; its log:\n" + tail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** kill -9: no shutdown hook runs, nothing is flushed or cleaned up. */
    void killHard() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** The last lines of the log, for failure messages. */
    String tail() {
        String[] lines = log().split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
