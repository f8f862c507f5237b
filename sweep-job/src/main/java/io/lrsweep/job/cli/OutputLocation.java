package io.lrsweep.job.cli;

import io.lrsweep.job.run.OutputLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks {@code run}'s output directory before Spark starts, so that a wrong {@code --out} costs
 * nothing and writes nothing. Only local paths can be checked here; a path with a scheme such as
 * {@code hdfs://} is checked by the runner once Spark is up. {@code --overwrite} is also guarded:
 * it deletes the directory, so it is refused for the working directory or one of its parents and
 * for a non-empty directory that is not an lrsweep output (no {@code sweep.json}); {@code --resume}
 * also refuses such a directory, so that a mistyped {@code --out} never fills someone's folder.
 */
final class OutputLocation {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    private OutputLocation() {}

    static void check(String out, boolean resume, boolean overwrite) {
        Path dir = localPath(out);
        if (dir == null) {
            return;
        }
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new BadInputException("--out " + out + " exists and is not a directory");
            }
            if (overwrite) {
                checkSafeToDelete(out, dir);
            } else if (!resume) {
                throw new BadInputException("output directory " + out + " already exists: pass --resume to keep its "
                        + "finished trials and run the rest, or --overwrite to replace it");
            } else if (isForeign(out, dir)) {
                throw new BadInputException("--resume refuses to write into " + out + ": it is not empty and holds no "
                        + "sweep.json, so it is not an lrsweep output directory");
            }
            if (!Files.isWritable(dir)) {
                throw new BadInputException("output directory " + out + " is not writable");
            }
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new BadInputException("cannot create output directory " + out + ": "
                    + (parent == null ? "no existing parent" : parent + " is not a writable directory"));
        }
    }

    /** The local directory {@code out} names, or null when it is a URI of another file system. */
    static Path localPath(String out) {
        if (out.startsWith("file:")) {
            try {
                return Paths.get(java.net.URI.create(out));
            } catch (IllegalArgumentException e) {
                // A file: URI Java does not map to a path (e.g. relative): the runner checks it.
                return null;
            }
        }
        return SCHEME.matcher(out).matches() ? null : Paths.get(out);
    }

    /** Not written by lrsweep: it holds something, but no sweep.json (the runner's own test, on this file system). */
    private static boolean isForeign(String out, Path dir) {
        if (Files.exists(dir.resolve("sweep.json"))) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> !OutputLayout.BEFORE_SPEC.contains(p.getFileName().toString()));
        } catch (IOException e) {
            throw new BadInputException("cannot inspect output directory " + out + ": " + e.getMessage(), e);
        }
    }

    private static void checkSafeToDelete(String out, Path dir) {
        try {
            Path real = dir.toRealPath();
            Path cwd = Paths.get("").toRealPath();
            if (cwd.startsWith(real)) {
                throw new BadInputException("--overwrite refuses to delete " + out
                        + ": it is the working directory or one of its parents");
            }
            if (isForeign(out, real)) {
                throw new BadInputException("--overwrite refuses to delete " + out + ": it is not an lrsweep output "
                        + "directory (it has no sweep.json); remove it yourself or choose another --out");
            }
        } catch (IOException e) {
            throw new BadInputException("cannot inspect output directory " + out + ": " + e.getMessage(), e);
        }
    }
}
