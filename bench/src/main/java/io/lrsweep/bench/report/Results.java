package io.lrsweep.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lrsweep.bench.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The result files scripts/bench leaves in its output directory, read back for the report. */
final class Results {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode jmh;
    /** bench/peers/torch_trial.py: every shape in float64, and the reference shape in float32. */
    final JsonNode torch64;
    final JsonNode torch32;
    /** bench/peers/sklearn_trial.py: every shape. */
    final JsonNode sklearn;
    /** The vector width and flags of the JMH JVMs (VectorInfo). */
    final JsonNode vector;
    final JsonNode mllib;
    final JsonNode scale;
    /** The BLAS class Breeze ran on in the JMH forks, or null. */
    final String blas;
    /** /proc/loadavg when the run started and ended, or null. */
    final String loadStart;
    final String loadEnd;

    Results(Path dir) throws IOException {
        jmh = read(dir.resolve("jmh.json"));
        torch64 = read(dir.resolve("torch-float64.json"));
        torch32 = read(dir.resolve("torch-float32.json"));
        sklearn = read(dir.resolve("sklearn.json"));
        vector = read(dir.resolve("vector.json"));
        mllib = read(dir.resolve("mllib.json"));
        scale = read(dir.resolve("scale.json"));
        Path blasFile = dir.resolve("blas.txt");
        blas = Files.exists(blasFile) ? Files.readString(blasFile).trim() : null;
        loadStart = firstLine(dir.resolve("load-start.txt"));
        loadEnd = firstLine(dir.resolve("load-end.txt"));
    }

    private static String firstLine(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file).trim() : null;
    }

    private static JsonNode read(Path file) throws IOException {
        return Files.exists(file) ? MAPPER.readTree(file.toFile()) : null;
    }

    /** One JMH result: its median over every measured iteration of every fork, and its unit. */
    record Jmh(double median, String unit, int samples) {}

    /** The JMH result of {@code benchmark} (class.method) whose params contain {@code param=value}, or null. */
    Jmh jmh(String benchmark, String param, String value) {
        return metric(benchmark, param, value, null);
    }

    /** A secondary metric (a profiler's, e.g. {@code gc.alloc.rate.norm}) of that result, or null. */
    Jmh secondary(String benchmark, String param, String value, String name) {
        return metric(benchmark, param, value, name);
    }

    private Jmh metric(String benchmark, String param, String value, String secondary) {
        if (jmh == null) {
            return null;
        }
        for (JsonNode r : jmh) {
            if (!r.get("benchmark").asText().endsWith(benchmark)) {
                continue;
            }
            if (param != null && (r.get("params") == null || !value.equals(r.get("params").path(param).asText()))) {
                continue;
            }
            JsonNode metric = secondary == null ? r.get("primaryMetric") : r.path("secondaryMetrics").get(secondary);
            if (metric == null) {
                return null;
            }
            List<Double> all = new ArrayList<>();
            for (JsonNode fork : metric.get("rawData")) {
                for (JsonNode v : fork) {
                    all.add(v.asDouble());
                }
            }
            double[] values = all.stream().mapToDouble(Double::doubleValue).toArray();
            return new Jmh(Json.median(values), metric.get("scoreUnit").asText(), values.length);
        }
        return null;
    }

    Jmh jmh(String benchmark) {
        return jmh(benchmark, null, null);
    }

    /**
     * How JMH ran {@code benchmark} (class.method; its first parameter set), e.g. "1 fork, 3
     * warm-up and 5 measured iterations of 2 s", or "not run". Read from the run, since
     * scripts/bench's quick mode overrides the benchmarks' own settings.
     */
    String jmhSettings(String benchmark) {
        if (jmh != null) {
            for (JsonNode r : jmh) {
                if (r.get("benchmark").asText().endsWith(benchmark)) {
                    int forks = r.path("forks").asInt();
                    return forks + (forks == 1 ? " fork, " : " forks, ") + r.path("warmupIterations").asInt()
                            + " warm-up and " + r.path("measurementIterations").asInt() + " measured iterations of "
                            + r.path("measurementTime").asText() + " (at least one call each)";
                }
            }
        }
        return "not run";
    }

    /**
     * A Python peer's median seconds per trial for the shape named {@code shape}: NaN if the
     * peer did not run or has no such shape, and also if the shape failed there ({@link #peerError}
     * then says why).
     */
    static double peerSeconds(JsonNode peer, String shape) {
        JsonNode s = peer == null ? null : peer.path("shapes").get(shape);
        return s == null || !s.has("median_trial_s") ? Double.NaN : s.get("median_trial_s").asDouble();
    }

    /** The error a Python peer recorded for a shape, or null. */
    static String peerError(JsonNode peer, String shape) {
        JsonNode s = peer == null ? null : peer.path("shapes").get(shape);
        return s == null || !s.has("error") ? null : s.get("error").asText();
    }
}
