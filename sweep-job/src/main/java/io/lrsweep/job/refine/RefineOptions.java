package io.lrsweep.job.refine;

import io.lrsweep.job.analysis.RefinementPlanner;

/**
 * How far {@code lrsweep refine} (and {@code run --refine}) goes.
 *
 * @param rounds     at most this many rounds in this invocation
 * @param points     learning rates added per setup and round, strictly between the best's neighbours
 * @param resolution a setup whose bracket (the best's neighbours) is narrower than this many decades is done
 */
public record RefineOptions(int rounds, int points, double resolution) {

    public static final int DEFAULT_ROUNDS = 3;
    public static final int MAX_ROUNDS = 20;
    public static final int MAX_POINTS = 64;

    public RefineOptions {
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("--rounds must be an integer in [1, " + MAX_ROUNDS + "], got " + rounds);
        }
        if (points < 1 || points > MAX_POINTS) {
            throw new IllegalArgumentException("--points must be an integer in [1, " + MAX_POINTS + "], got " + points);
        }
        if (!(resolution > 0.0) || Double.isInfinite(resolution)) {
            throw new IllegalArgumentException("--resolution must be a finite number of decades > 0, got " + resolution);
        }
    }

    public static RefineOptions defaults() {
        return new RefineOptions(DEFAULT_ROUNDS, RefinementPlanner.DEFAULT_POINTS, RefinementPlanner.DEFAULT_RESOLUTION);
    }
}
