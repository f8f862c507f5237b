package io.lrsweep.job.cluster;

import io.lrsweep.core.train.Engine;
import io.lrsweep.job.cli.Main;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The classpaths of the child JVMs, made from the test JVM's own (under {@code mvn verify} the tests
 * run before {@code package}, so {@code target/lib} may not exist yet). The cluster gets Spark and
 * its libraries without lrsweep's code, as a real cluster would; the drivers bring lrsweep as jars
 * (built here when the build has only class directories so far), which they ship to the executors.
 */
final class Classpaths {

    /** lrsweep's sweep-job and core as jar files, in the order a driver's classpath lists them. */
    record AppJars(Path job, Path core) {
        List<String> paths() {
            return List.of(job.toString(), core.toString());
        }
    }

    private Classpaths() {}

    /** Every entry of the test JVM's classpath. */
    static List<String> test() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
    }

    /** The test classpath without lrsweep's code (main and test classes of both modules). */
    static List<String> sparkOnly() {
        List<Path> own = List.of(codeSource(Main.class), codeSource(Engine.class), codeSource(Classpaths.class));
        return test().stream().filter(e -> !own.contains(Path.of(e).toAbsolutePath().normalize())).toList();
    }

    /** Whether a class of that name can be loaded from these entries alone (the JDK aside). */
    static boolean canLoad(List<String> classpath, String className) {
        URL[] urls = classpath.stream().map(e -> {
            try {
                return Path.of(e).toUri().toURL();
            } catch (MalformedURLException ex) {
                throw new IllegalArgumentException(e, ex);
            }
        }).toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            loader.loadClass(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** lrsweep's two jars, built into {@code dir} from class directories where needed. */
    static AppJars appJars(Path dir) {
        return new AppJars(asJar(codeSource(Main.class), dir.resolve("lrsweep-job.jar")),
                asJar(codeSource(Engine.class), dir.resolve("lrsweep-core.jar")));
    }

    /** A driver like {@code scripts/lrsweep}'s: Spark and the libraries, then lrsweep's jars. */
    static List<String> driver(AppJars jars) {
        List<String> cp = new ArrayList<>(jars.paths());
        cp.addAll(sparkOnly());
        return cp;
    }

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classes as a jar of this test's own: a copy, so that a rebuild meanwhile cannot change it. */
    private static Path asJar(Path classes, Path jar) {
        if (Files.isRegularFile(classes)) {
            try {
                return Files.copy(classes, jar);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
