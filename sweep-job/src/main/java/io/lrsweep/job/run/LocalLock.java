package io.lrsweep.job.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@link OutputLock} on a local disk: a kernel lock on the lock file, so that a dead holder (even
 * one killed with kill -9) never blocks the directory.
 *
 * <p>Release deletes the lock file while still holding the kernel lock. A contender that opened
 * the file just before the delete may then lock the unlinked file; so every taker writes its token
 * through its locked channel and checks that the file now at the path carries that token: only
 * the process whose kernel lock is on the file at the path can see its own token there.
 */
final class LocalLock extends OutputLock {

    private static final int ATTEMPTS = 20;

    private final Path dir;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private LocalLock(Path dir, Path file, FileChannel channel, FileLock lock, LockHolder taken, LockHolder previous,
                      boolean created) {
        super(taken, previous, created);
        this.dir = dir;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static LocalLock take(Path dir, String command) {
        boolean created = false;
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                created = true;
            }
        } catch (IOException e) {
            throw new OutputException("cannot create output directory " + dir + ": " + e.getMessage(), e);
        }
        Path file = dir.resolve(FILE);
        LockHolder me = LockHolder.self(command);
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // this very JVM holds it (another command run in-process)
                }
                if (lock == null) {
                    channel.close();
                    throw new OutputLockedException(dir, LockHolder.parse(readOrEmpty(file)));
                }
                LockHolder previous = LockHolder.parse(read(channel));
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(me.toText().getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(true);
                LockHolder atPath = LockHolder.parse(readOrEmpty(file));
                if (atPath != null && atPath.token().equals(me.token())) {
                    return new LocalLock(dir, file, channel, lock, me, previous, created);
                }
                // We locked a file that its releasing holder had just unlinked: start again.
                lock.release();
                channel.close();
            }
        } catch (IOException e) {
            if (created) {
                removeIfEmpty(dir);
            }
            throw failure("write", file, e);
        }
        throw new OutputException("could not take the lock " + file + " after " + ATTEMPTS
                + " attempts: other lrsweep processes keep taking and releasing it");
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

    private static String readOrEmpty(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    @Override
    public synchronized void close() {
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
        if (createdDirectory()) {
            removeIfEmpty(dir);
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
