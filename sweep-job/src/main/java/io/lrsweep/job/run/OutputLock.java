package io.lrsweep.job.run;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One writer per output directory: {@code run}, {@code run --resume}, {@code report} and {@code lr-find}
 * hold the lock file {@value #FILE} in the directory for as long as they may write there, and
 * release it on every exit (a normal end, an error, SIGINT/SIGTERM). A second writer is refused,
 * before Spark starts, with a message naming the holder (pid, host, command, since when).
 *
 * <p>How, by file system:
 * <ul>
 *   <li>Local disks ({@code file:}): an operating-system lock ({@link java.nio.channels.FileChannel#tryLock})
 *       on the lock file, which the kernel releases when its process dies, even by kill -9. The lock
 *       file holds the holder's pid, host and start time for messages; a file left behind by a dead
 *       process carries no kernel lock and is simply taken over ({@link LocalLock}).</li>
 *   <li>Other Hadoop file systems (HDFS, ABFS, ...): the lock file is created with
 *       {@code create(path, overwrite=false)}, atomic on HDFS, and refreshed every
 *       {@value GenericLock#HEARTBEAT_SECONDS} s. A lock is stale when its holder ran on this host and
 *       its process is gone (pid and process start time), or when it has not been refreshed for
 *       {@value GenericLock#STALE_AFTER_SECONDS} s (a holder on another host that died). A stale lock is
 *       renamed aside (atomic: one contender wins) before a new one is created ({@link GenericLock}). On
 *       object stores without an atomic create-if-absent (S3A before conditional writes) two writers
 *       starting within a moment of each other are not excluded.</li>
 * </ul>
 */
public abstract class OutputLock implements AutoCloseable {

    /** The lock file's name in the output directory. */
    public static final String FILE = ".lrsweep.lock";

    private final LockHolder taken;
    private final LockHolder tookOverFrom;
    private final boolean createdDirectory;

    OutputLock(LockHolder taken, LockHolder tookOverFrom, boolean createdDirectory) {
        this.taken = taken;
        this.tookOverFrom = tookOverFrom;
        this.createdDirectory = createdDirectory;
    }

    /**
     * Takes the lock of {@code dir}, creating the directory if it does not exist (it is removed again
     * on release if nothing else was written in it).
     *
     * @param command what the holder is doing, for others' messages ("run conf/x.json --resume")
     * @throws OutputLockedException when another live process holds it (exit status 2)
     * @throws OutputException       when the directory cannot be created or the lock file written
     */
    public static OutputLock acquire(FileSystem fs, Path dir, String command) {
        FileSystem plain = fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
        if (plain instanceof RawLocalFileSystem raw) {
            return LocalLock.take(raw.pathToFile(raw.makeQualified(dir)).toPath(), command);
        }
        return GenericLock.take(fs, fs.makeQualified(dir), command);
    }

    /** The holder this lock wrote into the lock file. */
    public LockHolder holder() {
        return taken;
    }

    /** The dead holder whose lock file was taken over, or null when the directory was free. */
    public LockHolder tookOverFrom() {
        return tookOverFrom;
    }

    /** Whether taking the lock created the output directory. */
    public boolean createdDirectory() {
        return createdDirectory;
    }

    /** Releases the lock; idempotent, never throws (it runs on the way out of every exit). */
    @Override
    public abstract void close();

    /** Thrown when the lock file cannot be read or written. */
    static OutputException failure(String what, Object where, IOException e) {
        return new OutputException("cannot " + what + " the lock file " + where + ": " + e.getMessage(), e);
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
