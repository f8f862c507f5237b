package io.lrsweep.job.run;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@link OutputLock} on a Hadoop file system without kernel locks (HDFS, ABFS, ...): an atomic
 * create-if-absent of the lock file, refreshed by a heartbeat; see {@link OutputLock} for the rules.
 */
final class GenericLock extends OutputLock {

    static final long HEARTBEAT_SECONDS = 10;
    static final long STALE_AFTER_SECONDS = 120;
    private static final int ATTEMPTS = 5;

    private final FileSystem fs;
    private final Path dir;
    private final Path file;
    private final ScheduledExecutorService heartbeat;
    private boolean closed;

    private GenericLock(FileSystem fs, Path dir, Path file, LockHolder taken, LockHolder previous, boolean created) {
        super(taken, previous, created);
        this.fs = fs;
        this.dir = dir;
        this.file = file;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lrsweep-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        // The modification time is the heartbeat: a holder that stops refreshing it has died.
        heartbeat.scheduleAtFixedRate(this::refresh, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    static GenericLock take(FileSystem fs, Path dir, String command) {
        return take(fs, dir, command, STALE_AFTER_SECONDS * 1000);
    }

    /** {@link #take(FileSystem, Path, String)} with another staleness limit (tests). */
    static GenericLock take(FileSystem fs, Path dir, String command, long staleAfterMillis) {
        Path file = new Path(dir, FILE);
        LockHolder me = LockHolder.self(command);
        boolean created = false;
        try {
            if (!fs.exists(dir)) {
                if (!fs.mkdirs(dir)) {
                    throw new OutputException("cannot create output directory " + dir);
                }
                created = true;
            }
            LockHolder tookOver = null;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                if (tryCreate(fs, file, me)) {
                    return new GenericLock(fs, dir, file, me, tookOver, created);
                }
                FileStatus status;
                try {
                    status = fs.getFileStatus(file);
                } catch (FileNotFoundException released) {
                    continue;
                }
                LockHolder holder = LockHolder.parse(readText(fs, file));
                long age = System.currentTimeMillis() - status.getModificationTime();
                boolean stale = (holder != null && holder.deadOnThisHost()) || age > staleAfterMillis;
                if (!stale) {
                    throw new OutputLockedException(dir, holder);
                }
                // Rename is atomic: of several processes taking over the same stale lock, one wins.
                Path aside = new Path(dir, FILE + ".stale-" + me.token());
                if (!fs.rename(file, aside)) {
                    continue;
                }
                LockHolder moved = LockHolder.parse(readText(fs, aside));
                if (holder != null && moved != null && !moved.token().equals(holder.token())) {
                    // Another process took the stale lock over between our look and our rename: give it back.
                    fs.rename(aside, file);
                    throw new OutputLockedException(dir, moved);
                }
                fs.delete(aside, false);
                tookOver = holder;
            }
        } catch (IOException e) {
            if (created) {
                removeIfEmpty(fs, dir);
            }
            throw failure("take", file, e);
        }
        throw new OutputException("could not take the lock " + file + " after " + ATTEMPTS
                + " attempts: other lrsweep processes keep taking and releasing it");
    }

    /** Creates the lock file if there is none; false when one exists. */
    private static boolean tryCreate(FileSystem fs, Path file, LockHolder me) throws IOException {
        try (FSDataOutputStream out = fs.create(file, false)) {
            out.write(me.toText().getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            // Some file systems report an existing file as a plain IOException.
            if (fs.exists(file)) {
                return false;
            }
            throw e;
        }
    }

    private static void removeIfEmpty(FileSystem fs, Path dir) {
        try {
            if (fs.listStatus(dir).length == 0) {
                fs.delete(dir, false);
            }
        } catch (IOException e) {
            // Left as it is: empty, or holding what was written.
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        heartbeat.shutdownNow();
        try {
            LockHolder atPath = LockHolder.parse(readText(fs, file));
            if (atPath != null && atPath.token().equals(holder().token())) {
                fs.delete(file, false);
            }
            if (createdDirectory()) {
                removeIfEmpty(fs, dir);
            }
        } catch (IOException e) {
            // A lock file left behind goes stale once its heartbeat stops, and is then taken over.
        }
    }

    private void refresh() {
        try {
            fs.setTimes(file, System.currentTimeMillis(), -1);
        } catch (IOException e) {
            // The next beat tries again; a lock not refreshed for minutes may be taken over.
        }
    }

    static String readText(FileSystem fs, Path file) throws IOException {
        try (FSDataInputStream in = fs.open(file)) {
            return new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            return "";
        }
    }
}
