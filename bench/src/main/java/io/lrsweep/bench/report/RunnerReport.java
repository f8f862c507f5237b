package io.lrsweep.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lrsweep.bench.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runner's section of docs/BENCHMARKS.md (start-up, waves, scale), written between its markers
 * so that the rest of the file, BenchReport's, is left as it is (and BenchReport's rewrites keep it,
 * since scripts/bench writes this section after BenchReport). Every number comes from the files of
 * one {@code scripts/bench runner} run: runner.json (RunnerBench), small-*.json (SmallSweep), e2e.txt
 * (scripts/lrsweep runs with LRSWEEP_TIMINGS).
 *
 * <p>Usage: {@code RunnerReport RESULTS_DIR BENCHMARKS.md COMMAND}
 */
public final class RunnerReport {

    static final String BEGIN = "<!-- runner section: written by scripts/bench runner (RunnerReport); begin -->";
    static final String END = "<!-- runner section: end -->";
    private static final Pattern TIMING = Pattern.compile("(\\w[\\w+]*) ([0-9.]+)s");
    private static final Pattern WALL = Pattern.compile("^wall ([0-9.]+)$");

    private final Path results;
    private final Markdown md = new Markdown();

    private RunnerReport(Path results) {
        this.results = results;
    }

    public static void main(String[] args) throws IOException {
        Path doc = Path.of(args[1]);
        String section = new RunnerReport(Path.of(args[0])).write(args.length > 2 ? args[2] : "scripts/bench runner");
        String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String updated = begin >= 0 && end > begin
                ? text.substring(0, begin) + section + text.substring(end + END.length())
                : text.stripTrailing() + "\n\n" + section + "\n";
        Files.writeString(doc, updated, StandardCharsets.UTF_8);
    }

    private String write(String command) throws IOException {
        JsonNode runner = new ObjectMapper().readTree(results.resolve("runner.json").toFile());
        md.line(BEGIN);
        md.line("## 7. Running: start-up, waves and scale");
        md.line();
        md.line("This section is written by `" + command + "` on its own (the sections above by `scripts/bench`); every "
                + "number in it comes from one run of it.");
        md.line();
        md.line("- Date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        md.line("- Machine: " + Machine.describe());
        md.line("- Load average (1, 5, 15 min) at the start: " + read("load-runner-start.txt") + "; at the end: "
                + read("load-runner-end.txt") + ". Two cores: above ~1, other work shared them and the times are longer "
                + "than on an idle machine.");
        md.line();
        List<Map<String, Double>> e2e = e2e();
        double[] walls = e2e.stream().mapToDouble(m -> m.get("wall")).toArray();
        double[] cost = small("run_ms");
        md.line("| target | goal | measured | |");
        md.line("|---|---|---:|---|");
        target("`scripts/lrsweep run conf/learning-rate.json`, built, local mode (wall, median of " + walls.length + ")",
                "<= 12 s", Json.median(walls), 12.0, "s");
        target("16-trial sweep: cost beyond the Spark session start, fresh JVM (median of " + cost.length + ")", "<= 1 s",
                Json.median(cost) / 1000, 1.0, "s");
        JsonNode scale = runner.get("scale");
        double smallest = Double.MAX_VALUE;
        double largest = 0;
        for (JsonNode s : scale) {
            smallest = Math.min(smallest, s.get("ms_per_trial").asDouble());
            largest = Math.max(largest, s.get("ms_per_trial").asDouble());
        }
        target("time per trial from " + scale.get(0).get("trials").asInt() + " to " + scale.get(scale.size() - 1).get("trials")
                .asInt() + " trials: largest / smallest", "<= 1.10", largest / smallest, 1.10, "");
        md.line();
        startup(e2e);
        waves(runner.get("waves"));
        scale(runner);
        md.line(END);
        return md.toString();
    }

    private void target(String what, String goal, double value, double limit, String unit) {
        md.line("| " + what + " | " + goal + " | " + Markdown.f(value, 2) + (unit.isEmpty() ? "" : " " + unit) + " | "
                + (value <= limit ? "met" : "**missed**") + " |");
    }

    private void startup(List<Map<String, Double>> e2e) throws IOException {
        md.line("### Where the seconds of a small run go");
        md.line();
        md.line("`LRSWEEP_TIMINGS=1 scripts/lrsweep run conf/learning-rate.json --out ... --overwrite` (24 trials of 200 "
                + "epochs), built, with the class-data sharing archive in place; medians of " + e2e.size() + " runs. "
                + "`jvm`: the JVM's start to lrsweep's main; `checks`: the sweep file, the output directory; `lock+spark`: "
                + "the lock and the Spark session; `data`: generating and splitting the data; `run`: the runner (checks "
                + "of committed files, training, commits); `report`: analysis and figures; `stop`: Spark's shutdown.");
        md.line();
        Map<String, List<Double>> phases = new LinkedHashMap<>();
        for (Map<String, Double> run : e2e) {
            run.forEach((k, v) -> phases.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        md.line("| phase | median s |");
        md.line("|---|---:|");
        phases.forEach((k, v) -> md.line("| " + k + " | " + Markdown.f(Json.median(v.stream().mapToDouble(d -> d).toArray()), 2)
                + " |"));
        md.line();
        md.line("The 16-trial sweep in a fresh JVM (`io.lrsweep.bench.sweep.SmallSweep`, medians of " + small("run_ms").length
                + "): JVM start to main " + ms(small("jvm_to_main_ms")) + ", Spark session " + ms(small("session_start_ms"))
                + ", the sweep beyond the session " + ms(small("run_ms")) + ", its report " + ms(small("report_ms")) + ".");
        md.line();
    }

    private void waves(JsonNode waves) {
        md.line("### The fixed cost of a wave");
        md.line();
        md.line("conf/full-grid.json with 1 seed (1,232 trials) and the scale's epochs, in 1 to 16 waves, 3 repetitions each "
                + "(`io.lrsweep.bench.sweep.RunnerBench`). Two waves are in flight: while the driver writes one wave's "
                + "trials/ file and commits it, the next wave trains, so what a wave adds is its job's scheduling, the "
                + "tasks' own files and whatever cores stand idle while the last groups of a wave finish.");
        md.line();
        Map<Integer, List<Double>> byWaves = new LinkedHashMap<>();
        for (JsonNode w : waves) {
            int n = (int) Math.ceil(w.get("trials").asDouble() / w.get("wave_size").asDouble());
            byWaves.computeIfAbsent(n, k -> new ArrayList<>()).add(w.get("wall_ms").asDouble());
        }
        md.line("| waves | wave size | median wall s |");
        md.line("|---:|---:|---:|");
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Map.Entry<Integer, List<Double>> e : byWaves.entrySet()) {
            double wall = Json.median(e.getValue().stream().mapToDouble(d -> d).toArray());
            md.line("| " + e.getKey() + " | " + (int) Math.ceil(1232.0 / e.getKey()) + " | " + Markdown.f(wall / 1000, 2) + " |");
            sx += e.getKey();
            sy += wall;
            sxx += (double) e.getKey() * e.getKey();
            sxy += e.getKey() * wall;
        }
        int n = byWaves.size();
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        md.line();
        md.line("Least-squares slope: **" + Markdown.f(slope, 0) + " ms per wave** (the fixed cost a wave adds to a run).");
        md.line();
    }

    private void scale(JsonNode runner) {
        md.line("### Scale");
        md.line();
        List<String> sizes = new ArrayList<>();
        for (JsonNode s : runner.get("scale")) {
            sizes.add(String.format("%,d", s.get("trials").asInt()));
        }
        md.line("conf/full-grid.json on local[2] with " + runner.get("epochs").asInt() + " epochs per trial (not 200: the "
                + "largest run would take an hour on 2 cores; per-trial costs other than training do not depend on "
                + "epochs) and " + String.join(", ", sizes) + " trials (1,232 settings times the seeds), waves of the "
                + "automatic size (512 trials here). Time per trial: wall time "
                + "of the run over its trials, session start excluded. Files: one curves file per task (at most twice the "
                + "cores, 4 here, per wave: the groups of a wave are bundled into tasks) and one trials file per wave. "
                + "Driver heap: heap in use after a full collection at a quarter, half and three quarters of the run, "
                + "the largest, in a second pass with 2 epochs per trial (the driver's structures do not depend on epochs; "
                + "in local mode the heap also holds the tasks' working sets). Check of committed files: what `--resume` "
                + "and `report` read first (every trials/ file in full, every curves/ footer; `AnalysisInput.read`), "
                + "median of 3.");
        md.line();
        md.line("| trials | ms per trial | curves files | trials files | Parquet MB | check of committed files, s "
                + "| driver heap MB (2-epoch pass) |");
        md.line("|---:|---:|---:|---:|---:|---:|---:|");
        JsonNode heap = runner.get("heap");
        for (int i = 0; i < runner.get("scale").size(); i++) {
            JsonNode s = runner.get("scale").get(i);
            JsonNode h = heap != null && heap.size() > i ? heap.get(i) : null;
            md.line("| " + String.format("%,d", s.get("trials").asInt()) + " | " + Markdown.f(s.get("ms_per_trial").asDouble(), 3)
                    + " | " + s.get("curves_files").asInt() + " | " + s.get("trials_files").asInt() + " | "
                    + Markdown.f(s.get("parquet_bytes").asDouble() / (1 << 20), 1) + " | "
                    + Markdown.f(s.get("verify_ms").asDouble() / 1000, 2) + " | "
                    + (h == null ? "n/a" : Markdown.f(h.get("live_heap_max_bytes").asDouble() / (1 << 20), 0)) + " |");
        }
        md.line();
        JsonNode grid = runner.get("grid");
        if (grid != null) {
            md.line("The driver's grid for " + String.format("%,d", grid.get("trials").asInt()) + " trials (`GridTrials`: every "
                    + "trial's spec and id, and the set of ids): expanded in " + Markdown.f(grid.get("expand_ms").asDouble() / 1000, 2)
                    + " s (" + Markdown.f(grid.get("expand_ms").asDouble() * 1000 / grid.get("trials").asDouble(), 1)
                    + " µs a trial, a SHA-256 each), kept in " + Markdown.f(grid.get("bytes_per_trial").asDouble(), 0)
                    + " bytes a trial (heap after a full collection with and without it). See docs/SCALE.md for 10^7 trials.");
            md.line();
        }
    }

    private double[] small(String key) throws IOException {
        List<Double> values = new ArrayList<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("small-\\d+\\.json")).sorted().toList()) {
                values.add(new ObjectMapper().readTree(f.toFile()).get(key).asDouble());
            }
        }
        return values.stream().mapToDouble(d -> d).toArray();
    }

    /** Each repetition's phases (timings line) and its wall time ("wall N"), from e2e.txt. */
    private List<Map<String, Double>> e2e() throws IOException {
        List<Map<String, Double>> runs = new ArrayList<>();
        Map<String, Double> current = new LinkedHashMap<>();
        for (String line : Files.readAllLines(results.resolve("e2e.txt"))) {
            if (line.startsWith("timings:")) {
                Matcher m = TIMING.matcher(line);
                while (m.find()) {
                    current.put(m.group(1), Double.parseDouble(m.group(2)));
                }
            }
            Matcher w = WALL.matcher(line.strip());
            if (w.matches()) {
                current.put("wall", Double.parseDouble(w.group(1)));
                runs.add(current);
                current = new LinkedHashMap<>();
            }
        }
        return runs;
    }

    private static String ms(double[] values) {
        return Markdown.f(Json.median(values) / 1000, 2) + " s";
    }

    private String read(String file) {
        try {
            return Files.readString(results.resolve(file)).strip();
        } catch (IOException e) {
            return "n/a";
        }
    }
}
