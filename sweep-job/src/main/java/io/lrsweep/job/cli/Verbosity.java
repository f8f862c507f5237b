package io.lrsweep.job.cli;

/** A command that can be asked for details: the error handler then prints stack traces too. */
interface Verbosity {
    boolean verbose();
}
