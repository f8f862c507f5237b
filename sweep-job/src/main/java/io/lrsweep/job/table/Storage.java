package io.lrsweep.job.table;

import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.io.InputFile;

import java.util.List;

/**
 * Where a sweep's output directory lives: on this machine's file system ({@link LocalStorage},
 * through java.nio, no Hadoop set-up at all) or on any Hadoop file system ({@link HadoopStorage}).
 * Paths are relative to the directory; files are written in one go through a temporary name.
 */
sealed interface Storage permits LocalStorage, HadoopStorage {

    /** A table's part file, opened by parquet-mr. */
    record Part(String name, InputFile file) {}

    boolean exists(String relative);

    /** The {@code .parquet} files directly under {@code relative} (hidden and {@code _} files left out), by name. */
    List<Part> parts(String relative);

    /** The file's text, or null when it does not exist. */
    String readText(String relative);

    void write(String relative, byte[] bytes);

    /** Deletes a file or a directory tree; nothing when it does not exist. */
    void delete(String relative);

    /** {@code relative} (or the directory itself for "") as people write it; {@link #uri} as Spark and Hadoop take it. */
    String shown(String relative);

    String uri(String relative);

    /** The directory's last path segment. */
    String name();

    /** What parquet-mr reads and writes this storage's files with. */
    ParquetConfiguration parquet();
}
