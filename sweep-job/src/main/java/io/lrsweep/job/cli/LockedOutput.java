package io.lrsweep.job.cli;

import io.lrsweep.job.run.OutputLayout;
import io.lrsweep.job.run.OutputLock;

/**
 * A command's hold on its output directory, taken before Spark starts so that a second writer is
 * refused in a second: the lock ({@link OutputLock}), released when the command ends, by whatever
 * way it ends: a normal return or an exception closes it, and a JVM shutdown (SIGINT, SIGTERM,
 * System.exit) runs a hook that does. If taking the lock created the directory and nothing else was
 * written in it (bad data found after Spark started), it is removed again: exit 2 writes nothing.
 */
final class LockedOutput implements AutoCloseable {

    private final OutputLock lock;
    private final Thread hook;

    private LockedOutput(OutputLock lock) {
        this.lock = lock;
        this.hook = new Thread(lock::close, "lrsweep-release-lock");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Takes {@code layout}'s lock for {@code command} ("run conf/x.json --resume"); exit 2 when it is held. */
    static LockedOutput take(OutputLayout layout, String command) {
        return new LockedOutput(OutputLock.acquire(layout.fileSystem(), layout.root(), command));
    }

    OutputLock lock() {
        return lock;
    }

    @Override
    public void close() {
        lock.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; the lock is released either way.
        }
    }
}
