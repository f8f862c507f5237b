package io.lrsweep.job.run;

import org.apache.hadoop.fs.Path;

import java.net.URI;

/** A path as messages show it: a local one as a plain path (no {@code file:}), any other as its URI. */
public final class DisplayPath {

    private DisplayPath() {}

    public static String of(Path path) {
        return of(path.toString());
    }

    public static String of(String path) {
        if (path.startsWith("file:")) {
            try {
                return java.nio.file.Paths.get(URI.create(path)).toString();
            } catch (IllegalArgumentException e) {
                return path.substring("file:".length());
            }
        }
        return path;
    }
}
