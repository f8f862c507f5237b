package io.lrsweep.job.table;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.conf.ParquetConfiguration;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A sweep's output directory: its tables' part files, {@code sweep.json}, and the files the analysis
 * writes (small Parquet tables, PNG and HTML), each rendered in memory and written in one go through
 * a temporary name. A directory on this machine is read and written through java.nio, any other
 * through its Hadoop file system ({@link Storage}).
 */
public final class SweepDirectory {
    private final Storage storage;
    /** Per table, the part file names to read (absent: every part). */
    private final Map<String, Set<String>> only;

    SweepDirectory(Storage storage) {
        this(storage, Map.of());
    }

    private SweepDirectory(Storage storage, Map<String, Set<String>> only) {
        this.storage = storage;
        this.only = only;
    }

    /**
     * This directory with table {@code relative} read from the part files named {@code fileNames}
     * only (the verified ones: a torn wave's files are left out), whatever else lies there.
     */
    public SweepDirectory withParts(String relative, Set<String> fileNames) {
        Map<String, Set<String>> m = new HashMap<>(only);
        m.put(relative, Set.copyOf(fileNames));
        return new SweepDirectory(storage, Map.copyOf(m));
    }

    /** {@code dir} as a Hadoop configuration resolves it (a path without a scheme on its default file system). */
    public SweepDirectory(Configuration conf, String dir) {
        this(resolve(dir, () -> conf, FileSystem.getDefaultUri(conf)));
    }

    private static Storage resolve(String dir, Supplier<Configuration> conf, URI defaultFs) {
        Path p;
        try {
            p = new Path(dir);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(dir + " is not a usable path: " + e.getMessage(), e);
        }
        String scheme = p.toUri().getScheme() != null ? p.toUri().getScheme() : defaultFs.getScheme();
        if ("file".equals(scheme)) {
            return new LocalStorage(java.nio.file.Path.of(p.toUri().getPath()));
        }
        return new HadoopStorage(conf.get(), p);
    }

    public boolean exists(String relative) {
        return storage.exists(relative);
    }

    /** The Parquet files of table {@code relative}, by name; empty when it is no table (or absent). */
    public List<Storage.Part> parts(String relative) {
        List<Storage.Part> all = storage.parts(relative);
        Set<String> names = only.get(relative);
        if (names == null) {
            return all;
        }
        return all.stream().filter(p -> names.contains(p.name().substring(p.name().lastIndexOf('/') + 1))).toList();
    }

    /** Whether {@code relative} is a directory holding at least one Parquet file (a written table). */
    public boolean hasTable(String relative) {
        return !parts(relative).isEmpty();
    }

    /** The file's text, or null when it does not exist. */
    public String readText(String relative) {
        return storage.readText(relative);
    }

    /** Writes the bytes to a temporary name beside the target, then renames it into place. */
    public void write(String relative, byte[] bytes) {
        storage.write(relative, bytes);
    }

    /**
     * Replaces table {@code relative} by one part file holding {@code parquet}: the new file is
     * written first, then the old parts go, so a reader never finds the table empty.
     */
    public void replaceTable(String relative, byte[] parquet) {
        String part = "part-00000-lrsweep.parquet";
        List<Storage.Part> old = storage.parts(relative);
        write(relative + "/" + part, parquet);
        for (Storage.Part f : old) {
            String name = f.name().substring(f.name().lastIndexOf('/') + 1);
            if (!name.equals(part)) {
                storage.delete(relative + "/" + name);
            }
        }
    }

    /** Deletes a file or directory tree if it exists. */
    public void delete(String relative) {
        storage.delete(relative);
    }

    /** {@code root/relative} as people write it: a plain path for a local directory, else the URI. */
    public String shown(String relative) {
        return storage.shown(relative);
    }

    /** {@code root/relative} as a string Spark accepts. */
    public String uri(String relative) {
        return storage.uri(relative);
    }

    /** The directory's name (its last path segment). */
    public String name() {
        return storage.name();
    }

    ParquetConfiguration parquet() {
        return storage.parquet();
    }
}
