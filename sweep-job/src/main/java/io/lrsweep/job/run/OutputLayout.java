package io.lrsweep.job.run;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output directory on any Hadoop file system, and the wave commit protocol.
 *
 * <p>A wave is written by Spark to {@code _staging/wave-N/{curves,trials}} and then committed by
 * renaming its Parquet files into {@code curves/} and {@code trials/} with the prefix
 * {@code part-wN-}: curves first, trials last. A trial counts as finished only once its row is
 * in {@code trials/}, so a crash mid-commit leaves at most curve files of an uncommitted wave,
 * which {@link #removeUncommitted()} deletes before a resume. No trial is ever read twice.
 */
public final class OutputLayout {
    private static final Pattern WAVE_FILE = Pattern.compile("^part-w(\\d+)-.*\\.parquet$");
    private static final String WRITE_PROBE = "_write_probe";
    /** What a run writes in its directory before sweep.json: the probe, and sweep.json's temporary file. */
    public static final Set<String> BEFORE_SPEC = Set.of(WRITE_PROBE, ".sweep.json.tmp");

    private final FileSystem fs;
    private final Path root;

    public OutputLayout(String out, Configuration hadoopConf) {
        try {
            this.root = new Path(out);
            this.fs = root.getFileSystem(hadoopConf);
        } catch (IOException | IllegalArgumentException e) {
            throw new OutputException("--out " + out + " is not a usable path: " + e.getMessage(), e);
        }
    }

    public Path root() {
        return fs.makeQualified(root);
    }

    public Path curves() {
        return new Path(root(), "curves");
    }

    public Path trials() {
        return new Path(root(), "trials");
    }

    public Path specFile() {
        return new Path(root(), "sweep.json");
    }

    Path staging(int wave) {
        return new Path(new Path(root(), "_staging"), "wave-" + wave);
    }

    public boolean exists() {
        try {
            return fs.exists(root);
        } catch (IOException e) {
            throw new OutputException("cannot check --out " + root + ": " + e.getMessage(), e);
        }
    }

    /** Makes the output directory usable per the options, before anything is computed. */
    public void prepare(RunOptions options) {
        try {
            if (fs.exists(root)) {
                if (!fs.getFileStatus(root).isDirectory()) {
                    throw new OutputException("--out " + root + " exists and is not a directory");
                }
                if (options.overwrite()) {
                    // Never delete a directory that lrsweep did not write: a mistyped --out must
                    // not cost the user their data.
                    if (isForeign()) {
                        throw new OutputException("--overwrite refuses to delete " + root
                                + ": it is not empty and holds no sweep.json, so it is not an lrsweep output");
                    }
                    if (!fs.delete(root, true)) {
                        throw new OutputException("--overwrite could not delete " + root);
                    }
                } else if (!options.resume()) {
                    throw new OutputException("output directory " + root
                            + " already exists: pass --resume to finish it or --overwrite to replace it");
                } else if (isForeign()) {
                    throw new OutputException("--resume refuses to write into " + root
                            + ": it is not empty and holds no sweep.json, so it is not an lrsweep output directory");
                }
            }
            if (!fs.mkdirs(root)) {
                throw new OutputException("cannot create output directory " + root);
            }
            // Probe writability now rather than after the first wave has been computed.
            Path probe = new Path(root, WRITE_PROBE);
            fs.create(probe, true).close();
            fs.delete(probe, false);
        } catch (IOException e) {
            throw new OutputException("output directory " + root + " is not writable: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the existing directory was not written by lrsweep: it holds something, but no
     * sweep.json and not just what a run creates before its sweep.json (a run killed that early).
     */
    private boolean isForeign() throws IOException {
        if (fs.exists(specFile())) {
            return false;
        }
        for (FileStatus f : fs.listStatus(root)) {
            if (!BEFORE_SPEC.contains(f.getPath().getName())) {
                return true;
            }
        }
        return false;
    }

    public void writeText(Path file, String text) throws IOException {
        Path tmp = new Path(file.getParent(), "." + file.getName() + ".tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        fs.delete(file, false);
        if (!fs.rename(tmp, file)) {
            throw new IOException("could not rename " + tmp + " to " + file);
        }
    }

    /** Deletes staging leftovers and the curve files of waves whose trials were never committed. */
    public int removeUncommitted() throws IOException {
        fs.delete(new Path(root(), "_staging"), true);
        Set<Integer> committed = waves(trials());
        int removed = 0;
        if (fs.exists(curves())) {
            for (FileStatus f : fs.listStatus(curves())) {
                Matcher m = WAVE_FILE.matcher(f.getPath().getName());
                if (m.matches() && !committed.contains(Integer.parseInt(m.group(1)))) {
                    fs.delete(f.getPath(), false);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** The next free wave number. */
    public int nextWave() throws IOException {
        int max = 0;
        for (int w : waves(trials())) {
            max = Math.max(max, w);
        }
        for (int w : waves(curves())) {
            max = Math.max(max, w);
        }
        return max + 1;
    }

    public boolean hasTrials() throws IOException {
        return !waves(trials()).isEmpty();
    }

    /** Moves a wave's staged files into place: curves first, trials last (the commit point). */
    void commit(int wave) throws IOException {
        Path staging = staging(wave);
        moveParts(new Path(staging, "curves"), curves(), wave);
        moveParts(new Path(staging, "trials"), trials(), wave);
        fs.delete(staging, true);
        Path stagingRoot = staging.getParent();
        if (fs.listStatus(stagingRoot).length == 0) {
            fs.delete(stagingRoot, false);
        }
    }

    private void moveParts(Path from, Path to, int wave) throws IOException {
        fs.mkdirs(to);
        for (FileStatus f : fs.listStatus(from)) {
            String name = f.getPath().getName();
            if (name.startsWith("part-") && name.endsWith(".parquet")) {
                Path target = new Path(to, "part-w" + String.format("%05d", wave) + "-" + name.substring(5));
                if (!fs.rename(f.getPath(), target)) {
                    throw new IOException("could not move " + f.getPath() + " to " + target);
                }
            }
        }
    }

    private Set<Integer> waves(Path dir) throws IOException {
        Set<Integer> waves = new HashSet<>();
        if (fs.exists(dir)) {
            for (FileStatus f : fs.listStatus(dir)) {
                Matcher m = WAVE_FILE.matcher(f.getPath().getName());
                if (m.matches()) {
                    waves.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        return waves;
    }
}
