package io.lrsweep.job.run;

/** The output directory's lock is held by another live process: bad input (exit 2), nothing written. */
public final class OutputLockedException extends OutputException {

    private final transient LockHolder holder;

    OutputLockedException(Object dir, LockHolder holder) {
        super("output directory " + dir + " is in use by " + (holder == null ? "another lrsweep process" : holder.describe())
                + ": one writer at a time; wait for it to finish or stop it, then run again");
        this.holder = holder;
    }

    /** The holder as the lock file names it, or null when the file could not be read. */
    public LockHolder holder() {
        return holder;
    }
}
