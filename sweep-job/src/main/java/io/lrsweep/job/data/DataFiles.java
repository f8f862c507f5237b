package io.lrsweep.job.data;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * Checks a dataset path before Spark reads it, through the Hadoop file system Spark itself uses,
 * so that a missing or empty file gets a message naming it instead of Spark's analysis error.
 */
final class DataFiles {

    private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};

    private DataFiles() {}

    /** Throws {@link DataException} unless {@code path} (a file, a directory or a glob) has data. */
    static void checkReadable(SparkSession spark, String path) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(p);
            if (matches == null || matches.length == 0) {
                throw new DataException("dataset file " + path + " does not exist (relative paths are resolved against "
                        + "the working directory " + Paths.get("").toAbsolutePath() + ")");
            }
            long bytes = 0;
            for (FileStatus match : matches) {
                bytes += dataBytes(fs, match);
            }
            if (bytes == 0) {
                throw new DataException("dataset file " + path + " is empty");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new DataException("dataset file " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Throws {@link DataException} unless every data file at {@code path} has Parquet's magic bytes
     * at both ends and a footer parquet-hadoop can read (a truncated copy or another format fails
     * here, by name); Spark would otherwise fail in a task with a logged stack trace.
     */
    static void checkParquet(SparkSession spark, String path) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(p);
            for (FileStatus match : matches == null ? new FileStatus[0] : matches) {
                checkParquet(fs, conf, match, path);
            }
        } catch (IOException e) {
            throw new DataException("dataset file " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void checkParquet(FileSystem fs, Configuration conf, FileStatus status, String specPath)
            throws IOException {
        if (status.isDirectory()) {
            for (FileStatus child : fs.listStatus(status.getPath())) {
                String name = child.getPath().getName();
                if (!name.startsWith("_") && !name.startsWith(".")) {
                    checkParquet(fs, conf, child, specPath);
                }
            }
            return;
        }
        if (status.getLen() == 0) {
            return; // an empty part file holds no rows; Spark skips it
        }
        byte[] head = new byte[4];
        byte[] tail = new byte[4];
        boolean magic = status.getLen() >= 12;
        if (magic) {
            try (FSDataInputStream in = fs.open(status.getPath())) {
                in.readFully(0, head);
                in.readFully(status.getLen() - 4, tail);
            }
            magic = Arrays.equals(head, PARQUET_MAGIC) && Arrays.equals(tail, PARQUET_MAGIC);
        }
        String shown = display(specPath, status.getPath().toString());
        if (!magic) {
            throw new DataException("dataset file " + shown + " is not a Parquet file (Parquet files begin and end with "
                    + "PAR1): check the path, or write the file again if the copy was cut short");
        }
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(status.getPath(), conf))) {
            reader.getRecordCount();
        } catch (IOException | RuntimeException e) {
            throw new DataException("dataset file " + shown + " is not a readable Parquet file ("
                    + SparkReads.rootMessage(e) + "): its footer is damaged or the file was cut short; write it again", e);
        }
    }

    /** Bytes of the data files at {@code status}: a directory's files, skipping Spark's _SUCCESS and hidden files. */
    private static long dataBytes(FileSystem fs, FileStatus status) throws IOException {
        if (!status.isDirectory()) {
            return status.getLen();
        }
        long bytes = 0;
        for (FileStatus child : fs.listStatus(status.getPath())) {
            String name = child.getPath().getName();
            if (!name.startsWith("_") && !name.startsWith(".")) {
                bytes += dataBytes(fs, child);
            }
        }
        return bytes;
    }

    /**
     * How a file Spark read is named in messages: the path as the sweep gives it when that is one
     * file, otherwise the file Spark reports (a local URI shown as a plain path).
     */
    static String display(String specPath, String fileUri) {
        if (fileUri == null || fileUri.isEmpty()) {
            return specPath;
        }
        try {
            URI uri = new URI(fileUri);
            String shown = "file".equals(uri.getScheme()) ? Paths.get(uri).toString() : fileUri;
            String asGiven = Paths.get(specPath).toAbsolutePath().normalize().toString();
            return shown.equals(asGiven) ? specPath : shown;
        } catch (Exception e) {
            // An unusual URI is still a fine name for a message.
            return fileUri;
        }
    }
}
