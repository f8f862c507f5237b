package io.lrsweep.job.run;

/**
 * How {@code run} treats its output directory (any Hadoop-compatible path) and how many trials
 * it commits at once.
 *
 * @param out       the output directory
 * @param resume    keep finished trials found in {@code out}, run the rest
 * @param overwrite delete {@code out} first
 * @param waveSize  trials per wave; each wave is one atomic commit to {@code curves/} and {@code trials/}
 */
public record RunOptions(String out, boolean resume, boolean overwrite, int waveSize) {

    public static final int DEFAULT_WAVE_SIZE = 512;

    public RunOptions {
        if (out == null || out.isBlank()) {
            throw new IllegalArgumentException("--out must name a directory");
        }
        if (resume && overwrite) {
            throw new IllegalArgumentException("--resume and --overwrite exclude each other: pick one");
        }
        if (waveSize < 1) {
            throw new IllegalArgumentException("--wave-size must be an integer >= 1, got " + waveSize);
        }
    }
}
