package io.lrsweep.job.cli;

/** The exit statuses of DESIGN.md: scripts tell bad input (fix the command) from a failed run (retry, report). */
final class ExitCodes {
    /** Success. */
    static final int OK = 0;
    /** A failure while running. */
    static final int FAILURE = 1;
    /** Bad input: usage, sweep file, data, output location. Nothing was written. */
    static final int BAD_INPUT = 2;

    private ExitCodes() {}
}
