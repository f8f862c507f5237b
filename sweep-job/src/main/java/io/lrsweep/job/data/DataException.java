package io.lrsweep.job.data;

/**
 * A dataset that cannot be used: a missing or empty file, an unknown column, a value that is not a
 * finite number, a ragged row, fewer than two classes. The message names the file and, where
 * there is one, the 1-based data row (the header is not counted) and the column. The command line
 * maps it to exit status 2.
 */
public final class DataException extends RuntimeException {

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "{@code file}, row {@code row}, column {@code column}: {@code detail}". */
    static DataException at(String file, long row, String column, String detail) {
        return new DataException(file + ", row " + row + ", column " + column + ": " + detail);
    }
}
