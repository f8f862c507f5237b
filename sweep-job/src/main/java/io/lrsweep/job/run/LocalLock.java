package io.lrsweep.job.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link OutputLock} on a local disk: a kernel lock on the lock file, so that a dead holder (even
 * one killed with kill -9) never blocks the directory.
 *
 * <p>Two rules of POSIX locks shape this class. A process loses its lock on a file when it closes
 * any descriptor of that file, so the holder never opens the lock file a second time, and a JVM
 * keeps its own table of the directories it holds, refusing a second taker in the same process
 * without touching the file. And the holder deletes the lock file on release, while it still holds
 * it; a contender that opened the file just before that delete and locks it just after finds
 * that it locked a deleted file ({@link #stillLinked}) and starts again.
 */
final class LocalLock extends OutputLock {

    private static final int ATTEMPTS = 20;
    /** The directories this JVM holds, with their holders. */
    private static final Map<Path, LockHolder> HELD_HERE = new HashMap<>();

    private final Path dir;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private LocalLock(Path dir, Path file, FileChannel channel, FileLock lock, LockHolder taken, LockHolder previous,
                      boolean createdDirectory) {
        super(taken, previous, createdDirectory);
        this.dir = dir;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static LocalLock take(Path dir, String command) {
        Path key = dir.toAbsolutePath().normalize();
        synchronized (HELD_HERE) {
            LockHolder here = HELD_HERE.get(key);
            if (here != null) {
                throw new OutputLockedException(dir, here);
            }
            LocalLock lock = takeFromDisk(key, command);
            HELD_HERE.put(key, lock.holder());
            return lock;
        }
    }

    private static LocalLock takeFromDisk(Path dir, String command) {
        boolean createdDirectory = false;
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                createdDirectory = true;
            }
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way" : e.getMessage();
            throw new OutputException("cannot create output directory " + dir + ": " + why, e);
        }
        Path file = dir.resolve(FILE);
        LockHolder me = LockHolder.self(command);
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    throw new OutputLockedException(dir, LockHolder.parse(readOrEmpty(file)));
                }
                LockHolder previous = LockHolder.parse(read(channel));
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(me.toText().getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(true);
                if (stillLinked(file)) {
                    return new LocalLock(dir, file, channel, lock, me, previous, createdDirectory);
                }
                // We locked a file that its releasing holder had just deleted: start again.
                lock.release();
                channel.close();
            }
        } catch (IOException e) {
            if (createdDirectory) {
                removeIfEmpty(dir);
            }
            throw failure("write", file, e);
        }
        throw new OutputException("could not take the lock " + file + " after " + ATTEMPTS
                + " attempts: other lrsweep processes keep taking and releasing it");
    }

    /**
     * Whether the file this process just locked is still the one at {@code file}. That a file exists
     * at the path is not enough: after the holder deleted it, another contender may have made a new
     * one there and locked it, while this one locked the deleted file it had opened before. On Linux
     * the kernel names a descriptor's deleted file "PATH (deleted)" in /proc/self/fd; this process
     * has no other descriptor of a lock file (see the class comment), so such a name is ours.
     * Elsewhere only the path is checked.
     */
    private static boolean stillLinked(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return true;
        }
        String deleted = file.getParent().toRealPath().resolve(file.getFileName()) + " (deleted)";
        try (DirectoryStream<Path> open = Files.newDirectoryStream(fds)) {
            for (Path fd : open) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(deleted)) {
                        return false;
                    }
                } catch (IOException e) {
                    // A descriptor closed meanwhile (the listing's own, say): not ours.
                }
            }
        }
        return true;
    }

    private static String read(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0 || size > 1 << 16) {
            return "";
        }
        ByteBuffer b = ByteBuffer.allocate((int) size);
        while (b.hasRemaining() && channel.read(b, b.position()) > 0) {
            // read until full
        }
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
    }

    /** The lock file's text, read by a process that does not hold it (so a descriptor of its own is harmless). */
    private static String readOrEmpty(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    @Override
    public void close() {
        synchronized (HELD_HERE) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // The kernel lock below is what excludes others: a file left behind is taken over.
            }
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // Closing the channel of a lock we own does not fail in practice; the process exit releases it anyway.
            }
            HELD_HERE.remove(dir);
            if (createdDirectory()) {
                removeIfEmpty(dir);
            }
        }
    }

    private static void removeIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            // Something was written: the directory stays.
        } catch (IOException e) {
            // Left as it is; it is empty or ours.
        }
    }
}
