package io.lrsweep.job.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository around the test JVM (Surefire runs it in the module directory), and its JVM flags. */
final class Repo {

    private Repo() {}

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("conf/jvm-flags"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no conf/jvm-flags above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** conf/jvm-flags: what a JVM running Spark needs on Java 17 (scripts/lrsweep passes the same). */
    static List<String> jvmFlags() {
        try (Stream<String> lines = Files.lines(root().resolve("conf/jvm-flags"))) {
            return lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path log4jConfig() {
        return root().resolve("conf/log4j2.properties");
    }
}
