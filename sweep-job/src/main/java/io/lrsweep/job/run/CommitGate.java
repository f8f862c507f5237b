package io.lrsweep.job.run;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps a wave's commit (a few renames) whole when the process is told to stop: the commit runs
 * under this gate, and the SIGINT/SIGTERM handler takes the gate before the JVM exits, so the
 * count it prints is exactly what is committed and no commit is cut in the middle.
 */
public final class CommitGate {

    private static final ReentrantLock GATE = new ReentrantLock();

    private CommitGate() {}

    interface IoAction {
        void run() throws java.io.IOException;
    }

    static void during(IoAction commit) throws java.io.IOException {
        GATE.lock();
        try {
            commit.run();
        } finally {
            GATE.unlock();
        }
    }

    /** Waits for a commit in progress, then keeps every later one out; false when it timed out. */
    public static boolean closeForExit(long timeoutMillis) {
        try {
            return GATE.tryLock(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
