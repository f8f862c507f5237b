package io.lrsweep.job.report;

import io.lrsweep.job.SharedSpark;
import io.lrsweep.job.table.Fixtures;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two analyses in one JVM, beside one running Spark session, at the same time: each gives exactly
 * what it gives alone, and nothing is registered in the session (no temp view, no function): the
 * analysis passes values, never names.
 */
class IsolationTest {

    @Test
    void twoReportsAtOnceDoNotCollide(@TempDir Path tmp) throws Exception {
        SparkSession spark = SharedSpark.session();
        long functions = spark.catalog().listFunctions().count();
        Path a = copy(Fixtures.dir("fixture-lr-momentum"), tmp.resolve("a"));
        Path b = copy(Fixtures.dir("fixture-optimizers"), tmp.resolve("b"));
        ReportResult aloneA = ReportBuilder.build(spark.sparkContext().hadoopConfiguration(), a.toString());
        ReportResult aloneB = ReportBuilder.build(spark.sparkContext().hadoopConfiguration(), b.toString());
        String tableA = ucurve(spark, a);
        String tableB = ucurve(spark, b);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ReportResult> ra = pool.submit(() -> ReportBuilder.build(spark.sparkContext().hadoopConfiguration(), a.toString()));
            Future<ReportResult> rb = pool.submit(() -> ReportBuilder.build(spark.sparkContext().hadoopConfiguration(), b.toString()));
            assertEquals(aloneA.verdict(), ra.get().verdict());
            assertEquals(aloneB.verdict(), rb.get().verdict());
        } finally {
            pool.shutdown();
        }
        assertEquals(tableA, ucurve(spark, a));
        assertEquals(tableB, ucurve(spark, b));
        assertTrue(!tableA.equals(tableB), "two different sweeps");
        assertEquals(0, spark.catalog().listTables().count(), "no temp view");
        assertEquals(functions, spark.catalog().listFunctions().count(), "no function registered");
    }

    static String ucurve(SparkSession spark, Path dir) {
        return spark.read().parquet(dir.resolve("ucurve").toString()).orderBy("setup").collectAsList().toString();
    }

    static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else if (!f.startsWith(from.resolve("expected"))) {
                    Files.copy(f, t);
                }
            }
        }
        return to;
    }
}
