package io.lrsweep.job.analysis;

import io.lrsweep.core.sweep.AnalysisSpec;

/**
 * The analysis's settings: the user's ({@link AnalysisSpec}: metric, target accuracy, basin
 * tolerance; from the sweep file's {@code analysis} block or the command line) and the stated
 * constants below. Every one is printed in the report beside the numbers it produces.
 *
 * @param usefulFraction     the useful region holds the learning rates, contiguous around the best,
 *                           whose val_accuracy gain over the untrained model is at least this
 *                           fraction of the best's: {@code acc(lr) - acc0 >= usefulFraction * (acc(best) - acc0)}
 * @param bootstrapResamples seed-bootstrap resamples for the best learning rate's interval
 * @param bootstrapSeed      the bootstrap's random seed (the report is reproducible)
 * @param fitHalfWidth       the quadratic fit uses the learning rates within this many decades of
 *                           the best (and at least its two neighbours)
 */
public record AnalysisOptions(AnalysisSpec spec, double usefulFraction, int bootstrapResamples, long bootstrapSeed,
                              double fitHalfWidth) {

    public AnalysisOptions {
        if (spec == null) {
            throw new IllegalArgumentException("the analysis needs its metric, target accuracy and basin tolerance");
        }
        if (!(usefulFraction > 0.0 && usefulFraction <= 1.0)) {
            throw new IllegalArgumentException("useful fraction must be in (0, 1], got " + usefulFraction);
        }
        if (bootstrapResamples < 1) {
            throw new IllegalArgumentException("bootstrap resamples must be >= 1, got " + bootstrapResamples);
        }
        if (!(fitHalfWidth > 0.0)) {
            throw new IllegalArgumentException("fit half-width must be > 0 decades, got " + fitHalfWidth);
        }
    }

    /** The user's settings with the constants: useful at 80% of the best's gain, 2000 resamples, fit within 1 decade. */
    public static AnalysisOptions of(AnalysisSpec spec) {
        return new AnalysisOptions(spec, 0.8, 2000, 20230101L, 1.0);
    }

    public static AnalysisOptions defaults() {
        return of(AnalysisSpec.defaults());
    }

    public Metric metric() {
        return new Metric(spec.metric());
    }

    public double targetAccuracy() {
        return spec.targetAccuracy();
    }

    public double basinTolerance() {
        return spec.basinTolerance();
    }
}
