package io.lrsweep.job.cli;

import io.lrsweep.job.table.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code lrsweep report DIR} on its own JVM, as a user runs it: it succeeds, and no Spark session is
 * built nor context started (the JVM's own class-loading log says so), so the report reads the
 * tables directly. The directory is a stored sweep output.
 */
class ReportWithoutSparkTest {

    @Test
    void aReportLoadsNoSparkSession(@TempDir Path tmp) throws Exception {
        Path out = AnalysisOptionsTest.copy(Fixtures.dir("fixture-optimizers"), tmp.resolve("out"));
        Path classes = tmp.resolve("classes.log");
        Path log = tmp.resolve("report.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xlog:class+load:file=" + classes);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(Main.class.getName());
        command.addAll(List.of("report", out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the report finishes");
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("  report   " + out.resolve("report/index.html")), output);
        String loaded = Files.readString(classes);
        assertFalse(loaded.contains("org.apache.spark.SparkContext "), "no SparkContext was loaded");
        // picocli's reflection over the run command loads the SparkSession type named in a method
        // signature; building a session would load its builder.
        assertFalse(loaded.contains("org.apache.spark.sql.SparkSession$Builder "), "no SparkSession was built");
        assertTrue(loaded.contains("io.lrsweep.job.analysis.Analysis "), "the analysis ran in that JVM");
    }
}
