package io.lrsweep.job.run;

/** The output directory cannot be used as asked (exists, unwritable, ...): a bad-input error, exit 2. */
public class OutputException extends RuntimeException {
    public OutputException(String message) {
        super(message);
    }

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
