package io.lrsweep.job.lrfind;

/**
 * One range test's readings (a row of {@code lr_find/summary}): the setup, the seed, the
 * steepest-descent lr and the loss-minimum lr (null when the curve was too short to read).
 */
public record LrFindReading(String optimizer, Double momentum, long seed, Double steepestLr, Double minimumLr) {}
