package io.lrsweep.job.run;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an existing output directory holds, sorted by who wrote it: lrsweep's own tables and files,
 * leftovers of an interrupted lrsweep step (the write probe, temporary files, checksum companions
 * of files that are gone, a stale lock set aside, staging), and everything else, which lrsweep
 * never deletes or overwrites.
 *
 * @param hasSpec   {@code sweep.json} is there: the directory is an lrsweep output
 * @param ours      lrsweep's entries (tables, sweep.json, data.json, the report ...), leftovers excluded
 * @param leftovers lrsweep's leftovers of interrupted steps, safe to delete
 * @param others    entries lrsweep did not write
 */
public record OutputContents(boolean hasSpec, List<String> ours, List<String> leftovers, List<String> others) {

    /** Top-level names lrsweep writes. */
    static final Set<String> NAMES = Set.of("sweep.json", "data.json", "curves", "trials", "sensitivity", "ucurve",
            "report", "lr_find", OutputLock.FILE);
    /** Names that only interrupted steps leave behind. */
    static final Set<String> LEFTOVERS = Set.of("_write_probe", "_staging", ".sweep.json.tmp", ".data.json.tmp");
    private static final String STALE_LOCK = OutputLock.FILE + ".stale-";

    /** The contents of {@code root}, an existing directory. */
    static OutputContents of(FileSystem fs, Path root) throws IOException {
        FileStatus[] entries;
        try {
            entries = fs.listStatus(root);
        } catch (FileNotFoundException e) {
            return new OutputContents(false, List.of(), List.of(), List.of());
        }
        Set<String> names = new HashSet<>();
        for (FileStatus e : entries) {
            names.add(e.getPath().getName());
        }
        List<String> ours = new ArrayList<>();
        List<String> leftovers = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (FileStatus e : entries) {
            String name = e.getPath().getName();
            if (NAMES.contains(name)) {
                ours.add(name);
            } else if (isLeftover(name, names)) {
                leftovers.add(name);
            } else if (isChecksumOf(name, NAMES)) {
                ours.add(name);
            } else {
                others.add(name);
            }
        }
        ours.sort(null);
        leftovers.sort(null);
        others.sort(null);
        return new OutputContents(names.contains("sweep.json"), ours, leftovers, others);
    }

    /** A leftover: a known one, a set-aside stale lock, or the checksum companion of a file that is gone or a leftover. */
    private static boolean isLeftover(String name, Set<String> present) {
        if (LEFTOVERS.contains(name) || name.startsWith(STALE_LOCK)) {
            return true;
        }
        if (name.startsWith(".") && name.endsWith(".crc")) {
            String of = name.substring(1, name.length() - 4);
            return LEFTOVERS.contains(of) || of.startsWith(STALE_LOCK) || (NAMES.contains(of) && !present.contains(of));
        }
        return false;
    }

    /** The checksum file Hadoop's local file system keeps beside one of lrsweep's files. */
    private static boolean isChecksumOf(String name, Set<String> files) {
        return name.startsWith(".") && name.endsWith(".crc") && files.contains(name.substring(1, name.length() - 4));
    }

    /** Nothing but the lock and leftovers: a directory lrsweep may start in as if it were empty. */
    public boolean isEmpty() {
        return others.isEmpty() && ours.stream().allMatch(OutputLock.FILE::equals);
    }

    /** Holds something, and it is not an lrsweep output: no sweep.json, and not only leftovers. */
    public boolean isForeign() {
        return !hasSpec && !isEmpty();
    }

    /** The entries lrsweep did not write, for messages: "notes.txt, photos". */
    public String othersShown() {
        List<String> shown = others.subList(0, Math.min(others.size(), 5));
        return String.join(", ", shown) + (others.size() > shown.size() ? " and " + (others.size() - shown.size()) + " more" : "");
    }
}
