package io.lrsweep.core.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test resources under {@code sweep/}: reference, good and bad sweep files. */
final class SweepResources {
    private SweepResources() {}

    static Path dir(String name) {
        URL url = SweepResources.class.getResource("/sweep/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource directory sweep/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String dir, String name) {
        return dir(dir).resolve(name);
    }

    static SweepSpec parse(String dir, String name) {
        try {
            return SweepParser.parse(file(dir, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The .json file names in {@code sweep/<dir>}, sorted. */
    static List<String> jsonFiles(String dir) {
        try (Stream<Path> files = Files.list(dir(dir))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
