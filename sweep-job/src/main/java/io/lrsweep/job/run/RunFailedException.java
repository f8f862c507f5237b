package io.lrsweep.job.run;

/**
 * A run that failed while running (exit status 1): what went wrong, and how many trials of the grid
 * are committed in the output directory and kept for {@code --resume}.
 */
public final class RunFailedException extends RuntimeException {

    private final long committed;

    public RunFailedException(String message, long committed, Throwable cause) {
        super(message, cause);
        this.committed = committed;
    }

    /** Trials of the grid committed in the output directory (resumed ones included). */
    public long committed() {
        return committed;
    }
}
