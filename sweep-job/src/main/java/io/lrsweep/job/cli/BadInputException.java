package io.lrsweep.job.cli;

/**
 * Input the command cannot use (an unreadable sweep file, an output directory that is in the way,
 * a bad option value that is not a parse error): exit status 2 with this message and no usage text.
 */
final class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }

    BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
