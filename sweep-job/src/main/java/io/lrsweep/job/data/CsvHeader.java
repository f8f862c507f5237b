package io.lrsweep.job.data;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts a CSV header's columns before Spark parses the file, so that a header beyond
 * {@link DataLimits#MAX_COLUMNS} is refused by name (Spark's parser stops with an index error at
 * its own limit). Quoted names may hold commas and line breaks; the scan stops at the limit.
 */
final class CsvHeader {

    private CsvHeader() {}

    static void checkColumnCount(SparkSession spark, String path) {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileStatus[] matches = fs.globStatus(p);
            for (FileStatus m : matches == null ? new FileStatus[0] : matches) {
                for (FileStatus f : m.isDirectory() ? fs.listStatus(m.getPath()) : new FileStatus[] {m}) {
                    String name = f.getPath().getName();
                    if (f.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                        check(fs, f.getPath(), path);
                    }
                }
            }
        } catch (IOException e) {
            throw new DataException("dataset file " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void check(FileSystem fs, Path file, String specPath) throws IOException {
        long columns = 1;
        boolean quoted = false;
        long read = 0;
        try (FSDataInputStream raw = fs.open(file); InputStream in = new BufferedInputStream(raw, 1 << 16)) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (++read > DataLimits.MAX_HEADER_BYTES) {
                    throw new DataException("dataset file " + DataFiles.display(specPath, file.toString())
                            + ": the header line is longer than " + (DataLimits.MAX_HEADER_BYTES >> 20)
                            + " MB; lrsweep reads at most " + DataLimits.MAX_COLUMNS + " columns");
                }
                if (b == '"') {
                    quoted = !quoted;
                } else if (!quoted && b == '\n') {
                    return;
                } else if (!quoted && b == ',' && ++columns > DataLimits.MAX_COLUMNS) {
                    throw new DataException("dataset file " + DataFiles.display(specPath, file.toString())
                            + " has more than " + DataLimits.MAX_COLUMNS + " columns in its header, beyond the limit of "
                            + DataLimits.MAX_COLUMNS + " (lrsweep reads at most " + DataLimits.MAX_FEATURES
                            + " feature columns)");
                }
            }
        }
    }
}
