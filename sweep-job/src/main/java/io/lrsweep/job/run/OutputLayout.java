package io.lrsweep.job.run;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output directory on any Hadoop file system, and the wave commit protocol.
 *
 * <p>A wave is written to {@code _staging/wave-N/{curves,trials}} (curves by the executors, one
 * file per task; trials by the driver, one file) and then committed by renaming its Parquet files
 * into {@code curves/} and {@code trials/} with the prefix {@code part-wN-}: curves first, trials
 * last. A trial counts as finished only once its row is in {@code trials/}, so a crash mid-commit
 * leaves at most curve files of an uncommitted wave, which {@link #removeUncommitted()} deletes
 * before a resume. No trial is ever read twice.
 *
 * <p>lrsweep writes only its own names here ({@link OutputContents}) and deletes nothing else:
 * {@code --overwrite} removes lrsweep's entries and leaves any other file where it is.
 */
public final class OutputLayout {
    private static final Pattern WAVE_FILE = Pattern.compile("^part-w(\\d+)-.*\\.parquet$");
    private static final String WRITE_PROBE = "_write_probe";

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

    public FileSystem fileSystem() {
        return fs;
    }

    /** The file system without Hadoop's client-side checksum files (local disks). */
    private FileSystem plain() {
        return fs instanceof ChecksumFileSystem checked ? checked.getRawFileSystem() : fs;
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

    /** What the data looked like when the trials were run ({@link DataManifest}). */
    public Path dataFile() {
        return new Path(root(), DataManifest.FILE);
    }

    Path staging(int wave) {
        return new Path(new Path(root(), "_staging"), "wave-" + wave);
    }

    /** The directory's contents by who wrote them; null when it does not exist. */
    public OutputContents contents() {
        try {
            if (!fs.exists(root)) {
                return null;
            }
            if (!fs.getFileStatus(root).isDirectory()) {
                throw new OutputException("--out " + shown() + " exists and is not a directory");
            }
            return OutputContents.of(fs, root);
        } catch (IOException e) {
            throw new OutputException("cannot inspect output directory " + shown() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses, writing nothing, an output directory that {@code run} may not use with these options:
     * one that exists (beyond a lock and leftovers) without {@code --resume} or {@code --overwrite},
     * and one that is not an lrsweep output with either.
     */
    public void check(RunOptions options) {
        OutputContents c = contents();
        if (c == null || c.isEmpty()) {
            return;
        }
        if (!options.resume() && !options.overwrite()) {
            throw new OutputException("output directory " + shown() + " already exists: pass --resume to keep its "
                    + "finished trials and run the rest, or --overwrite to replace it");
        }
        if (c.isForeign()) {
            throw new OutputException((options.resume() ? "--resume refuses to write into " : "--overwrite refuses to delete ")
                    + shown() + ": it holds " + c.othersShown() + " and no sweep.json, so it is not an lrsweep output "
                    + "directory; choose another --out");
        }
    }

    /**
     * Makes the output directory usable per the options, before anything is computed: checks it
     * ({@link #check}), deletes lrsweep's entries for {@code --overwrite} and the leftovers of
     * interrupted steps for {@code --resume}, and probes that it can be written.
     */
    public void prepare(RunOptions options) {
        check(options);
        try {
            OutputContents c = contents();
            if (c != null) {
                for (String name : c.leftovers()) {
                    fs.delete(new Path(root, name), true);
                }
                if (options.overwrite()) {
                    for (String name : c.ours()) {
                        if (!name.equals(OutputLock.FILE) && !name.equals("." + OutputLock.FILE + ".crc")) {
                            fs.delete(new Path(root, name), true);
                        }
                    }
                }
            }
            if (!fs.mkdirs(root)) {
                throw new OutputException("cannot create output directory " + shown());
            }
            // Probe writability now rather than after the first wave has been computed.
            Path probe = new Path(root, WRITE_PROBE);
            fs.create(probe, true).close();
            fs.delete(probe, false);
        } catch (IOException e) {
            throw new OutputException("output directory " + shown() + " is not writable: " + e.getMessage(), e);
        }
    }

    /** The directory as messages show it: a local path without {@code file:}. */
    public String shown() {
        return DisplayPath.of(root());
    }

    /**
     * The file's text, or null when it does not exist. Small text files (sweep.json, data.json)
     * are read and written without Hadoop's checksum files: a user may edit sweep.json by hand.
     */
    public String readText(Path file) throws IOException {
        try (java.io.InputStream in = plain().open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.FileNotFoundException e) {
            return null;
        }
    }

    public void writeText(Path file, String text) throws IOException {
        Path tmp = new Path(file.getParent(), "." + file.getName() + ".tmp");
        FileSystem plain = plain();
        try (OutputStream out = plain.create(tmp, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        fs.delete(file, false); // through the checked file system: an older checksum file goes too
        if (!plain.rename(tmp, file)) {
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

    /**
     * Moves a wave's staged files into place: curves first, trials last (the commit point). Returns
     * them. {@code othersInFlight}: whether another wave's tasks may be writing under {@code _staging}
     * now; then it stays, since removing it, even empty, races with a task making its own directory.
     */
    CommittedWaves.Wave commit(int wave, boolean othersInFlight) throws IOException {
        Path staging = staging(wave);
        List<Path> curveFiles = moveParts(new Path(staging, "curves"), curves(), wave);
        List<Path> trialFiles = moveParts(new Path(staging, "trials"), trials(), wave);
        fs.delete(staging, true);
        Path stagingRoot = staging.getParent();
        if (!othersInFlight && fs.listStatus(stagingRoot).length == 0) {
            fs.delete(stagingRoot, false);
        }
        return new CommittedWaves.Wave(wave, trialFiles, curveFiles);
    }

    private List<Path> moveParts(Path from, Path to, int wave) throws IOException {
        fs.mkdirs(to);
        List<Path> moved = new ArrayList<>();
        FileStatus[] staged;
        try {
            staged = fs.listStatus(from);
        } catch (java.io.FileNotFoundException e) {
            return moved; // a wave whose tasks wrote no curves (every trial failed before its first epoch)
        }
        for (FileStatus f : staged) {
            String name = f.getPath().getName();
            if (name.startsWith("part-") && name.endsWith(".parquet")) {
                Path target = new Path(to, "part-w" + String.format("%05d", wave) + "-" + name.substring(5));
                if (!fs.rename(f.getPath(), target)) {
                    throw new IOException("could not move " + f.getPath() + " to " + target);
                }
                moved.add(target);
            }
        }
        return moved;
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
