package io.lrsweep.job.analysis;

import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A sweep's output directory on any Hadoop file system, for what the analysis, the report and the
 * range test read and write besides Spark's own tables: {@code sweep.json}, PNG and HTML files
 * (rendered in memory, then written in one go through a temporary name).
 */
public final class SweepDirectory {
    private final FileSystem fs;
    private final Path root;

    public SweepDirectory(SparkSession spark, String dir) {
        try {
            Path p = new Path(dir);
            FileSystem any = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            // The local file system keeps a hidden .crc beside every file it writes; the report is
            // meant to be opened and copied by people, so its files go through the raw local FS.
            this.fs = any instanceof ChecksumFileSystem checked ? checked.getRawFileSystem() : any;
            this.root = any.makeQualified(p);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(dir + " is not a usable path: " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** {@code root/relative} as a string Spark accepts. */
    public String uri(String relative) {
        return new Path(root, relative).toString();
    }

    public boolean exists(String relative) {
        try {
            return fs.exists(new Path(root, relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at " + uri(relative), e);
        }
    }

    /** Whether {@code relative} is a directory holding at least one Parquet file (a written table). */
    public boolean hasTable(String relative) {
        try {
            Path dir = new Path(root, relative);
            if (!fs.exists(dir) || !fs.getFileStatus(dir).isDirectory()) {
                return false;
            }
            for (FileStatus f : fs.listStatus(dir)) {
                if (f.getPath().getName().endsWith(".parquet")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + uri(relative), e);
        }
    }

    /** The file's text, or null when it does not exist. */
    public String readText(String relative) {
        Path p = new Path(root, relative);
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
        Path target = new Path(root, relative);
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

    /** Deletes a file or directory tree if it exists. */
    public void delete(String relative) {
        try {
            fs.delete(new Path(root, relative), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + uri(relative), e);
        }
    }
}
