package io.lrsweep.job.cli;

import io.lrsweep.core.train.Engine;
import org.apache.spark.SparkConf;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Ships lrsweep's own jars to a cluster's executors. A trial task runs lrsweep code there (the
 * runner's task, core's trainer), which a cluster does not have. spark-submit ships its application
 * jar itself and says so in {@code spark.jars}; a driver started with plain {@code java}
 * ({@code scripts/lrsweep run --master spark://...}) ships the jars it runs from: this module's and
 * core's. Classes loaded from directories (an IDE) cannot be shipped; their cluster must have them.
 */
final class AppJars {

    private AppJars() {}

    static void ship(SparkConf conf) {
        if (conf.contains("spark.jars")) {
            return;
        }
        List<String> jars = jars();
        if (!jars.isEmpty()) {
            conf.set("spark.jars", String.join(",", jars));
        }
    }

    /** The jar files this module's and core's classes were loaded from. */
    static List<String> jars() {
        List<String> jars = new ArrayList<>();
        for (Class<?> c : List.of(AppJars.class, Engine.class)) {
            Path jar = jarOf(c);
            if (jar != null && !jars.contains(jar.toString())) {
                jars.add(jar.toString());
            }
        }
        return jars;
    }

    private static Path jarOf(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar") ? path : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
