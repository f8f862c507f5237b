package io.lrsweep.bench.sweep;

import io.lrsweep.bench.Json;
import io.lrsweep.bench.SparkLocal;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.data.DataLoader;
import io.lrsweep.job.run.AnalysisInput;
import io.lrsweep.job.run.GridTrials;
import io.lrsweep.job.run.OutputLayout;
import io.lrsweep.job.run.RunListener;
import io.lrsweep.job.run.RunOptions;
import io.lrsweep.job.run.RunSummary;
import io.lrsweep.job.run.SweepRunner;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The runner's own figures, in one JVM on local[2] (issue 12 items 5 and 6):
 * <ul>
 *   <li>scale: conf/full-grid.json with {@code EPOCHS} epochs and 1, 8 and 81 seeds (1,232, 9,856 and
 *       99,792 trials): wall time per trial, Parquet files; then the same grids with 2 epochs for the
 *       driver's live heap ({@link LiveHeap});</li>
 *   <li>per-wave cost: 1,232 trials in 1 to 16 waves; the slope of wall time against waves is the
 *       fixed cost a wave adds beside its training;</li>
 *   <li>a 16-trial sweep (learning-rate, 2 seeds) in the warm session.</li>
 * </ul>
 * A short warm-up sweep runs first so that the JIT and Spark's code paths are warm.
 *
 * <p>Usage: {@code RunnerBench CONF_DIR OUT.json WORK_DIR EPOCHS SEEDS...}
 */
public final class RunnerBench {
    private RunnerBench() {}

    public static void main(String[] args) throws Exception {
        Path conf = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path work = Path.of(args[2]);
        int epochs = Integer.parseInt(args[3]);
        List<Integer> seeds = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            seeds.add(Integer.parseInt(args[i]));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("epochs", epochs);
        long t0 = System.nanoTime();
        SparkSession spark = SparkLocal.start("lrsweep-bench-runner");
        result.put("session_start_ms", Json.millisSince(t0));
        try {
            SweepSpec full = withEpochs(SweepParser.parse(conf.resolve("full-grid.json")), epochs);
            Dataset data = DataLoader.load(spark, full.dataset());
            run(spark, full.withSeeds(1), data, work.resolve("warm-up"), RunOptions.AUTO_WAVE_SIZE);

            List<Map<String, Object>> scale = new ArrayList<>();
            for (int n : seeds) {
                Path dir = work.resolve("scale-" + n);
                Map<String, Object> r = run(spark, full.withSeeds(n), data, dir, RunOptions.AUTO_WAVE_SIZE);
                // What --resume and report read before anything else: every committed file, checked.
                double[] verify = new double[3];
                for (int i = 0; i < verify.length; i++) {
                    long t = System.nanoTime();
                    AnalysisInput.read(new OutputLayout(dir.toString(), spark.sparkContext().hadoopConfiguration()),
                            spark.sparkContext().hadoopConfiguration());
                    verify[i] = Json.millisSince(t);
                }
                r.put("verify_ms", Json.median(verify));
                scale.add(r);
                deleteTree(dir);
            }
            result.put("scale", scale);
            List<Map<String, Object>> heap = new ArrayList<>();
            SweepSpec twoEpochs = withEpochs(full, 2);
            for (int n : seeds) {
                heap.add(run(spark, twoEpochs.withSeeds(n), data, work.resolve("heap-" + n), RunOptions.AUTO_WAVE_SIZE,
                        new LiveHeap()));
                deleteTree(work.resolve("heap-" + n));
            }
            result.put("heap", heap);

            List<Map<String, Object>> waves = new ArrayList<>();
            int trials = (int) full.withSeeds(1).trialCount();
            for (int repeat = 0; repeat < 3; repeat++) {
                for (int count : new int[] {1, 2, 4, 8, 16}) {
                    int size = (trials + count - 1) / count;
                    Map<String, Object> r = run(spark, full.withSeeds(1), data, work.resolve("waves-" + count), size);
                    r.put("wave_size", size);
                    waves.add(r);
                }
            }
            result.put("waves", waves);

            result.put("grid", grid(full.withSeeds(seeds.get(seeds.size() - 1)), data));

            SweepSpec lr = SweepParser.parse(conf.resolve("learning-rate.json")).withSeeds(2);
            List<Map<String, Object>> small = new ArrayList<>();
            for (int repeat = 0; repeat < 5; repeat++) {
                small.add(run(spark, lr, DataLoader.load(spark, lr.dataset()), work.resolve("small"), RunOptions.AUTO_WAVE_SIZE));
            }
            result.put("small_warm", small);
        } finally {
            spark.stop();
            Json.write(out, result);
        }
    }

    /**
     * The driver's grid for the largest sweep: the time to expand it with its ids (a SHA-256 each) and
     * the heap it keeps (GridTrials: every TrialSpec and the set of ids), measured as the heap in use
     * after a full collection with and without it.
     */
    private static Map<String, Object> grid(SweepSpec spec, Dataset data) {
        String content = io.lrsweep.job.run.PreparedData.of(data, spec.dataset()).contentSha256();
        GridTrials.of(spec.withSeeds(1), content); // warm
        System.gc();
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long t0 = System.nanoTime();
        GridTrials grid = GridTrials.of(spec, content);
        double ms = Json.millisSince(t0);
        System.gc();
        long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("trials", grid.size());
        r.put("expand_ms", ms);
        r.put("bytes_per_trial", (double) (after - before) / grid.size());
        return r;
    }

    static SweepSpec withEpochs(SweepSpec s, int epochs) {
        io.lrsweep.core.train.TrainingSpec t = s.training();
        return new SweepSpec(s.name(), s.dataset(), s.model(), new io.lrsweep.core.train.TrainingSpec(epochs, t.batchSize(),
                t.shuffle(), t.schedule()), s.optimizers(), s.plateau(), s.grid(), s.seeds());
    }

    private static Map<String, Object> run(SparkSession spark, SweepSpec spec, Dataset data, Path dir, int waveSize)
            throws IOException {
        return run(spark, spec, data, dir, waveSize, null);
    }

    private static Map<String, Object> run(SparkSession spark, SweepSpec spec, Dataset data, Path dir, int waveSize,
                                           LiveHeap heap) throws IOException {
        System.gc();
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long t0 = System.nanoTime();
        RunSummary summary = SweepRunner.run(spark, spec, data, new RunOptions(dir.toString(), false, true, waveSize),
                heap == null ? RunListener.NONE : heap);
        double wall = Json.millisSince(t0);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("trials", summary.totalTrials());
        r.put("wall_ms", wall);
        r.put("ms_per_trial", wall / summary.totalTrials());
        if (heap != null) {
            r.put("heap_before_bytes", before);
            r.put("live_heap_max_bytes", heap.max());
        }
        r.put("curves_files", count(dir.resolve("curves")));
        r.put("trials_files", count(dir.resolve("trials")));
        r.put("parquet_bytes", bytes(dir));
        return r;
    }

    /**
     * The driver's live heap during a run: at a quarter, half and three quarters of its waves a full
     * collection, then the heap in use (what the run keeps at that moment, its garbage gone). Only in
     * the heap pass, whose trials train 2 epochs: the driver's structures do not depend on epochs, and
     * the collections would distort the timing pass.
     */
    private static final class LiveHeap implements RunListener {
        private final AtomicLong max = new AtomicLong();
        private int total;
        private int waveSize;
        private int nextQuarter = 1;

        @Override
        public void onStart(int totalTrials, int alreadyFinished, long trialEpochsToRun) {
            total = totalTrials;
        }

        @Override
        public void onWaveCommitted(int wave, int trialsInWave, int finishedSoFar) {
            waveSize = Math.max(waveSize, trialsInWave);
            if (finishedSoFar >= nextQuarter * (long) total / 4 && nextQuarter < 4) {
                nextQuarter++;
                System.gc();
                max.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            }
        }

        long max() {
            return max.get();
        }
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
        }
    }

    private static long bytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".parquet")).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
