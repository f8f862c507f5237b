package io.lrsweep.job.table;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.conf.ParquetConfiguration;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * A sweep's output directory: its tables' part files, {@code sweep.json}, and the files the analysis
 * writes (small Parquet tables, PNG and HTML), each rendered in memory and written in one go through
 * a temporary name. A directory on this machine is read and written through java.nio, any other
 * through its Hadoop file system ({@link Storage}).
 */
public final class SweepDirectory {
    private final Storage storage;

    SweepDirectory(Storage storage) {
        this.storage = storage;
    }

    /** {@code dir} as a Hadoop configuration resolves it (a path without a scheme on its default file system). */
    public SweepDirectory(Configuration conf, String dir) {
        this(resolve(dir, () -> conf, FileSystem.getDefaultUri(conf)));
    }

    /**
     * {@code dir} for a command that runs no Spark: a path without a scheme is local unless a
     * Hadoop configuration names another default file system ({@link HadoopConf#defaultFileSystem()}),
     * so a local report sets nothing of Hadoop up.
     */
    public static SweepDirectory open(String dir) {
        URI defaultFs = HadoopConf.defaultFileSystem();
        return new SweepDirectory(resolve(dir, HadoopConf::forDriver, defaultFs));
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
        return storage.parts(relative);
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
        List<Storage.Part> old = parts(relative);
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
