package io.lrsweep.job.table;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A sweep's output directory on any Hadoop file system: its tables' part files, {@code sweep.json},
 * and the files the analysis writes (small Parquet tables, PNG and HTML), each rendered in memory and
 * written in one go through a temporary name.
 */
public final class SweepDirectory {
    private final Configuration conf;
    private final FileSystem fs;
    private final Path root;

    public SweepDirectory(Configuration conf, String dir) {
        this.conf = conf;
        try {
            Path p = new Path(dir);
            FileSystem any = p.getFileSystem(conf);
            // The local file system keeps a hidden .crc beside every file it writes; the report is
            // meant to be opened and copied by people, so its files go through the raw local FS.
            this.fs = any instanceof ChecksumFileSystem checked ? checked.getRawFileSystem() : any;
            this.root = any.makeQualified(p);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(dir + " is not a usable path: " + e.getMessage(), e);
        }
    }

    public Configuration conf() {
        return conf;
    }

    public Path root() {
        return root;
    }

    public Path path(String relative) {
        return new Path(root, relative);
    }

    /** {@code root/relative} as a string Spark and Hadoop accept. */
    public String uri(String relative) {
        return path(relative).toString();
    }

    /** {@code root/relative} as people write it: a plain path for the local file system, else the URI. */
    public String shown(String relative) {
        Path p = relative.isEmpty() ? root : path(relative);
        return "file".equals(p.toUri().getScheme()) ? p.toUri().getPath() : p.toString();
    }

    public boolean exists(String relative) {
        try {
            return fs.exists(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at " + uri(relative), e);
        }
    }

    /** The Parquet files of table {@code relative}, by name; empty when it is no table (or absent). */
    public List<FileStatus> parts(String relative) {
        Path dir = path(relative);
        try {
            if (!fs.exists(dir) || !fs.getFileStatus(dir).isDirectory()) {
                return List.of();
            }
            List<FileStatus> parts = new ArrayList<>(Arrays.asList(fs.listStatus(dir,
                    p -> p.getName().endsWith(".parquet") && !p.getName().startsWith(".") && !p.getName().startsWith("_"))));
            parts.sort(Comparator.comparing(f -> f.getPath().getName()));
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + uri(relative), e);
        }
    }

    /** Whether {@code relative} is a directory holding at least one Parquet file (a written table). */
    public boolean hasTable(String relative) {
        return !parts(relative).isEmpty();
    }

    /** The file's text, or null when it does not exist. */
    public String readText(String relative) {
        Path p = path(relative);
        try {
            if (!fs.exists(p)) {
                return null;
            }
            try (InputStream in = fs.open(p)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    /** Writes the bytes to a temporary name beside the target, then renames it into place. */
    public void write(String relative, byte[] bytes) {
        Path target = path(relative);
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
        try {
            fs.mkdirs(target.getParent());
            try (OutputStream out = fs.create(tmp, true)) {
                out.write(bytes);
            }
            fs.delete(target, false);
            if (!fs.rename(tmp, target)) {
                throw new IOException("could not rename " + tmp + " to " + target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * Replaces table {@code relative} by one part file holding {@code parquet}: the new file is
     * written first, then the old parts go, so a reader never finds the table empty.
     */
    public void replaceTable(String relative, byte[] parquet) {
        String part = "part-00000-lrsweep.parquet";
        List<FileStatus> old = parts(relative);
        write(relative + "/" + part, parquet);
        try {
            for (FileStatus f : old) {
                if (!f.getPath().getName().equals(part)) {
                    fs.delete(f.getPath(), false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + uri(relative), e);
        }
    }

    /** Deletes a file or directory tree if it exists. */
    public void delete(String relative) {
        try {
            fs.delete(path(relative), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + uri(relative), e);
        }
    }
}
