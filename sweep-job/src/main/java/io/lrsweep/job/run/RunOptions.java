package io.lrsweep.job.run;

/**
 * How {@code run} treats its output directory (any Hadoop-compatible path) and how many trials
 * it commits at once.
 *
 * @param out       the output directory
 * @param resume    keep finished trials found in {@code out}, run the rest
 * @param overwrite delete lrsweep's entries in {@code out} first
 * @param waveSize  trials per wave ({@link #AUTO_WAVE_SIZE}: chosen from the cluster's size); each
 *                  wave is one atomic commit to {@code curves/} and {@code trials/}
 */
public record RunOptions(String out, boolean resume, boolean overwrite, int waveSize) {

    /** Let the runner pick the wave size from the cluster's cores ({@link #autoWaveSize}). */
    public static final int AUTO_WAVE_SIZE = 0;

    /** The smallest automatic wave: a crash loses little, and a laptop's cores stay busy. */
    public static final int MIN_AUTO_WAVE_SIZE = 512;

    public RunOptions {
        if (out == null || out.isBlank()) {
            throw new IllegalArgumentException("--out must name a directory");
        }
        if (resume && overwrite) {
            throw new IllegalArgumentException("--resume and --overwrite exclude each other: pick one");
        }
        if (waveSize < 0) {
            throw new IllegalArgumentException("--wave-size must be an integer >= 1, got " + waveSize);
        }
    }

    /**
     * The automatic wave size for a cluster of {@code cores} task slots: at least
     * {@value #MIN_AUTO_WAVE_SIZE} trials, and enough for two groups of 16 trials per core, so that
     * a wave keeps every core busy and the waves' fixed cost stays small beside their training.
     */
    public static int autoWaveSize(int cores) {
        return Math.max(MIN_AUTO_WAVE_SIZE, 32 * Math.max(1, cores));
    }
}
