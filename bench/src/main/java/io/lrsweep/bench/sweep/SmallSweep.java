package io.lrsweep.bench.sweep;

import io.lrsweep.bench.Json;
import io.lrsweep.bench.SparkLocal;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.data.DataLoader;
import io.lrsweep.job.report.ReportBuilder;
import io.lrsweep.job.run.RunListener;
import io.lrsweep.job.run.RunOptions;
import io.lrsweep.job.run.RunSummary;
import io.lrsweep.job.run.SweepRunner;
import org.apache.spark.sql.SparkSession;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A 16-trial sweep (conf/learning-rate.json with 2 seeds) in a fresh JVM, as a user's first run:
 * the JVM's start to main, the Spark session's start, then the sweep's cost beyond the session
 * start (reading the data, the runner: output checks, one wave, its commit), then the report.
 * scripts/bench runs it several times, each in a JVM of its own.
 *
 * <p>Usage: {@code SmallSweep CONF_DIR OUT.json WORK_DIR}
 */
public final class SmallSweep {
    private SmallSweep() {}

    public static void main(String[] args) throws Exception {
        long mainMillis = System.currentTimeMillis();
        Path conf = Path.of(args[0]);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("jvm_to_main_ms", (double) (mainMillis - ManagementFactory.getRuntimeMXBean().getStartTime()));
        long t0 = System.nanoTime();
        SparkSession spark = SparkLocal.start("lrsweep-bench-small");
        r.put("session_start_ms", Json.millisSince(t0));
        try {
            SweepSpec spec = SweepParser.parse(conf.resolve("learning-rate.json")).withSeeds(2);
            String out = Path.of(args[2]).resolve("small").toString();
            long t1 = System.nanoTime();
            RunSummary summary = SweepRunner.run(spark, spec, DataLoader.load(spark, spec.dataset()),
                    new RunOptions(out, false, true, RunOptions.AUTO_WAVE_SIZE), RunListener.NONE);
            r.put("trials", summary.totalTrials());
            r.put("run_ms", Json.millisSince(t1));
            long t2 = System.nanoTime();
            ReportBuilder.build(spark.sparkContext().hadoopConfiguration(), out);
            r.put("report_ms", Json.millisSince(t2));
        } finally {
            spark.stop();
            Json.write(Path.of(args[1]), r);
        }
    }
}
