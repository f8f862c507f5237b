package io.lrsweep.bench.sweep;

import io.lrsweep.bench.Json;
import io.lrsweep.bench.SparkLocal;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.data.DataLoader;
import io.lrsweep.job.run.RunListener;
import io.lrsweep.job.run.RunOptions;
import io.lrsweep.job.run.SweepRunner;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Whole sweeps through SweepRunner on local[2], in one session: the learning-rate grid with 2,
 * 32 and 512 seeds (16, 256, 4096 trials) for the scale curves (wall time per trial, driver heap,
 * Parquet bytes per trial), then conf/full-grid.json for the overhead check (wall time against
 * the sum of the trials' own training times over 2 cores, plus session start).
 *
 * <p>Usage: {@code SweepScale CONF_DIR OUT.json WORK_DIR [SIZES...]}; {@code -Dbench.fullGrid=false} skips
 * the full grid (for a quick run of the script).
 */
public final class SweepScale {
    private SweepScale() {}

    public static void main(String[] args) throws Exception {
        Path conf = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path work = Path.of(args[2]);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(16, 256, 4096);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        SparkSession spark = SparkLocal.start("lrsweep-bench-scale");
        double startup = Json.millisSince(t0);
        result.put("session_start_ms", startup);
        try {
            SweepSpec lr = SweepParser.parse(conf.resolve("learning-rate.json"));
            Dataset data = DataLoader.load(spark, lr.dataset());
            // A small sweep first, so that the JIT and Spark's code paths are warm for the curves.
            run(spark, lr.withSeeds(1), data, work.resolve("warm-up"));
            List<Map<String, Object>> curve = new ArrayList<>();
            for (int n : sizes) {
                SweepSpec spec = lr.withSeeds(n / 8);
                curve.add(run(spark, spec, data, work.resolve("lr-" + n)));
            }
            result.put("scale", curve);
            if (!Boolean.parseBoolean(System.getProperty("bench.fullGrid", "true"))) {
                return;
            }
            SweepSpec full = SweepParser.parse(conf.resolve("full-grid.json"));
            Map<String, Object> fullRun = run(spark, full, DataLoader.load(spark, full.dataset()), work.resolve("full-grid"));
            double sumMs = (double) fullRun.get("sum_train_ms");
            fullRun.put("expected_wall_ms", sumMs / 2 + startup);
            fullRun.put("wall_with_start_ms", (double) fullRun.get("wall_ms") + startup);
            result.put("full_grid", fullRun);
        } finally {
            spark.stop();
            Json.write(out, result);
        }
    }

    private static Map<String, Object> run(SparkSession spark, SweepSpec spec, Dataset data, Path dir) throws IOException {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long t0 = System.nanoTime();
        SweepRunner.run(spark, spec, data, new RunOptions(dir.toString(), false, true, RunOptions.AUTO_WAVE_SIZE),
                RunListener.NONE);
        double wall = Json.millisSince(t0);
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long heapAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        int trials = spec.trials().size();
        Row sums = spark.read().parquet(dir.resolve("trials").toString())
                .selectExpr("sum(train_millis)", "count(*)").first();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("trials", trials);
        r.put("wall_ms", wall);
        r.put("wall_ms_per_trial", wall / trials);
        r.put("sum_train_ms", (double) sums.getLong(0));
        r.put("cores_busy", sums.getLong(0) / wall);
        r.put("rows", sums.getLong(1));
        r.put("driver_heap_peak_bytes", peakHeap);
        r.put("driver_heap_after_gc_bytes", heapAfter);
        long bytes = parquetBytes(dir);
        r.put("parquet_bytes", bytes);
        r.put("parquet_bytes_per_trial", (double) bytes / trials);
        return r;
    }

    private static long parquetBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".parquet")).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
