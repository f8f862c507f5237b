package io.lrsweep.job.run;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The output directory's lock: one holder, named to the next; released and taken over; on local disks and through Hadoop's API. */
class OutputLockTest {

    @TempDir
    java.nio.file.Path tmp;

    private static FileSystem local() throws IOException {
        return FileSystem.getLocal(new Configuration());
    }

    @Test
    void aSecondWriterIsRefusedWithTheHolderNamedAndTheLockIsFreeAfterRelease() throws IOException {
        Path dir = new Path(tmp.resolve("out").toString());
        try (OutputLock first = OutputLock.acquire(local(), dir, "run conf/x.json")) {
            assertTrue(first.createdDirectory());
            String text = Files.readString(tmp.resolve("out").resolve(OutputLock.FILE));
            assertTrue(text.contains("pid=" + ProcessHandle.current().pid()) && text.contains("command=run conf/x.json"), text);
            OutputLockedException refused = assertThrows(OutputLockedException.class,
                    () -> OutputLock.acquire(local(), dir, "report"));
            assertTrue(refused.getMessage().contains("is in use by lrsweep run conf/x.json (pid " + ProcessHandle.current().pid()
                    + " on host "), refused.getMessage());
            assertEquals(first.holder().token(), refused.holder().token());
        }
        assertFalse(Files.exists(tmp.resolve("out")), "the directory the lock created, empty again, is removed");
        try (OutputLock again = OutputLock.acquire(local(), dir, "report")) {
            assertNull(again.tookOverFrom());
        }
    }

    @Test
    void aLockFileLeftByADeadProcessIsTakenOver() throws IOException {
        java.nio.file.Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("sweep.json"), "{}");
        LockHolder dead = deadHolder(LockHolder.thisHost(), System.currentTimeMillis());
        Files.writeString(out.resolve(OutputLock.FILE), dead.toText());
        try (OutputLock lock = OutputLock.acquire(local(), new Path(out.toString()), "run --resume")) {
            assertEquals(dead.token(), lock.tookOverFrom().token());
            assertFalse(lock.createdDirectory());
        }
        assertFalse(Files.exists(out.resolve(OutputLock.FILE)), "released");
        assertTrue(Files.exists(out.resolve("sweep.json")), "the directory it did not create stays");
    }

    /**
     * Threads of one JVM race for the lock many times: exactly one holds it at any moment (the JVM's
     * own table; processes racing are ConcurrentWritersTest's).
     */
    @Test
    void manyRacingWritersNeverHoldItTogether() throws Exception {
        Path dir = new Path(tmp.resolve("race").toString());
        Files.createDirectories(tmp.resolve("race"));
        int threads = 4;
        int rounds = 100;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger wins = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        start.await(30, TimeUnit.SECONDS);
                        try (OutputLock lock = OutputLock.acquire(local(), dir, "race")) {
                            if (inside.incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                            }
                            wins.incrementAndGet();
                            inside.decrementAndGet();
                        } catch (OutputLockedException refused) {
                            // another thread holds it: the expected outcome for most
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, overlaps.get(), "never two holders at once");
        assertTrue(wins.get() >= rounds, "every round someone wins: " + wins.get() + " wins in " + rounds + " rounds");
        assertFalse(Files.exists(tmp.resolve("race").resolve(OutputLock.FILE)));
    }

    /** The Hadoop-API lock (HDFS and the like), tried on the raw local file system. */
    @Test
    void throughHadoopsApiAFreshLockIsRefusedAndAStaleOneIsTakenOver() throws IOException {
        FileSystem raw = new RawLocalFileSystem();
        raw.initialize(java.net.URI.create("file:///"), new Configuration());
        Path dir = new Path(tmp.resolve("hdfs-like").toString());
        try (OutputLock first = GenericLock.take(raw, dir, "run a.json")) {
            OutputLockedException refused = assertThrows(OutputLockedException.class, () -> GenericLock.take(raw, dir, "report"));
            assertEquals(first.holder().token(), refused.holder().token());
        }
        assertFalse(raw.exists(new Path(dir, OutputLock.FILE)));

        // A holder on this host whose process is gone: stale at once.
        raw.mkdirs(dir);
        LockHolder dead = deadHolder(LockHolder.thisHost(), System.currentTimeMillis());
        write(raw, new Path(dir, OutputLock.FILE), dead.toText());
        try (OutputLock lock = GenericLock.take(raw, dir, "run --resume")) {
            assertEquals(dead.token(), lock.tookOverFrom().token());
        }

        // A holder on another host: live while its heartbeat is fresh, stale once it is old.
        LockHolder remote = new LockHolder(4242, "another-host.example", 1, System.currentTimeMillis(), "run b.json", "remote-token");
        Path file = new Path(dir, OutputLock.FILE);
        write(raw, file, remote.toText());
        assertThrows(OutputLockedException.class, () -> GenericLock.take(raw, dir, "report", 60_000));
        raw.setTimes(file, System.currentTimeMillis() - 120_000, -1);
        try (OutputLock lock = GenericLock.take(raw, dir, "report", 60_000)) {
            assertEquals("remote-token", lock.tookOverFrom().token());
        }
    }

    /** A holder that ran on {@code host} as a process that no longer exists. */
    static LockHolder deadHolder(String host, long acquired) throws IOException {
        Process p = new ProcessBuilder("true").start();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new LockHolder(p.pid(), host, 1, acquired, "run old.json", "dead-token");
    }

    private static void write(FileSystem fs, Path file, String text) throws IOException {
        try (var out = fs.create(file, true)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
