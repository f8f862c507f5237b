package io.lrsweep.job.data;

/**
 * The stated limits of what lrsweep reads, checked before the data is collected so that an input
 * beyond them gets a message naming the limit instead of a parser's index error or an
 * OutOfMemoryError. Every feature is an input of a dense first layer, so a model over more than
 * {@value #MAX_FEATURES} features is not what a learning-rate sweep of small MLPs is for.
 */
public final class DataLimits {

    /** Feature columns (CSV/Parquet) or the largest LIBSVM index. */
    public static final int MAX_FEATURES = 100_000;
    /** Columns of a CSV or Parquet table: the features, the label, and as many unused ones again. */
    public static final int MAX_COLUMNS = 2 * MAX_FEATURES + 1;
    /** Bytes of a CSV header line read to count its columns. */
    static final int MAX_HEADER_BYTES = 64 << 20;

    private DataLimits() {}
}
