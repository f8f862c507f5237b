package io.lrsweep.job.cli;

/** A command whose interrupted or failed work can be taken up again: the command line that does it. */
interface Resumable {
    String resumeCommand();
}
