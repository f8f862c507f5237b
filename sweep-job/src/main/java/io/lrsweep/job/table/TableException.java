package io.lrsweep.job.table;

/** A table that cannot be read as lrsweep wrote it: a missing column, a column of another type, an unreadable file. */
public final class TableException extends RuntimeException {
    public TableException(String message) {
        super(message);
    }

    public TableException(String message, Throwable cause) {
        super(message, cause);
    }
}
