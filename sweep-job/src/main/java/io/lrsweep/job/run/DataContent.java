package io.lrsweep.job.run;

import io.lrsweep.core.data.Dataset;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of the data a trial trains and validates on, as loaded, split and (if asked)
 * standardised: the bits of every feature value and every label, training rows first, with the
 * shape of each side. It is what {@code dataset.content_sha256} in a trial id means: the same file
 * path with other contents, another row order, or a change in how lrsweep reads or generates the
 * data gives other ids, so a resume never reuses a trial of other data.
 */
final class DataContent {

    private static final String VERSION = "lrsweep-data v1";

    private DataContent() {}

    static String sha256(Dataset train, Dataset validation) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        sha.update((VERSION + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        add(sha, train);
        add(sha, validation);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void add(MessageDigest sha, Dataset d) {
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        b.putInt(d.rows()).putInt(d.featureCount()).putInt(d.classCount());
        for (double v : d.features()) {
            if (b.remaining() < Long.BYTES) {
                flush(sha, b);
            }
            b.putLong(Double.doubleToLongBits(v));
        }
        for (int label : d.labels()) {
            if (b.remaining() < Integer.BYTES) {
                flush(sha, b);
            }
            b.putInt(label);
        }
        flush(sha, b);
    }

    private static void flush(MessageDigest sha, ByteBuffer b) {
        sha.update(b.array(), 0, b.position());
        b.clear();
    }
}
