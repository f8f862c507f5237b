package io.lrsweep.job.cluster;

import io.lrsweep.job.run.OutputLock;
import io.lrsweep.job.run.OutputLockedException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;

/**
 * A process that competes for an output directory's lock (ConcurrentWritersTest starts several):
 * waits for {@code GO} to appear, then {@code ROUNDS} times takes the lock if it can and, while it
 * holds it, creates and deletes the marker file {@code INSIDE}; a marker already there means two
 * processes held the lock at once. Prints "wins W refused R overlaps O" at the end.
 *
 * <p>Usage: {@code LockContender DIR GO ROUNDS}.
 */
public final class LockContender {

    private LockContender() {}

    public static void main(String[] args) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(args[0]);
        java.nio.file.Path go = java.nio.file.Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        java.nio.file.Path inside = dir.resolve("INSIDE");
        FileSystem fs = FileSystem.getLocal(new Configuration());
        System.out.println("ready");
        System.out.flush();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + go + " after 120 s");
            }
            Thread.sleep(5);
        }
        int wins = 0;
        int refused = 0;
        int overlaps = 0;
        for (int r = 0; r < rounds; r++) {
            try (OutputLock lock = OutputLock.acquire(fs, new Path(dir.toString()), "contender")) {
                wins++;
                try {
                    Files.createFile(inside);
                    Files.delete(inside);
                } catch (FileAlreadyExistsException e) {
                    overlaps++;
                }
            } catch (OutputLockedException e) {
                refused++;
            }
        }
        System.out.println("wins " + wins + " refused " + refused + " overlaps " + overlaps);
        System.exit(0);
    }
}
