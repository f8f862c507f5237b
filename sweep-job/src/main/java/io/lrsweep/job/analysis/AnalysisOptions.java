package io.lrsweep.job.analysis;

/**
 * The stated constants of the analysis; every one is printed in the report beside the numbers it
 * produces.
 *
 * @param targetAccuracy     "epochs to target" counts epochs until val_accuracy first reaches this
 *                           (0.8: the reference study's "80% validation accuracy")
 * @param basinTolerance     the basin holds the learning rates, contiguous around the best, whose
 *                           mean final val_loss is at most {@code best * (1 + basinTolerance)}
 * @param usefulFraction     the useful region holds the learning rates, contiguous around the best,
 *                           whose val_accuracy gain over the untrained model is at least this
 *                           fraction of the best's: {@code acc(lr) - acc0 >= usefulFraction * (acc(best) - acc0)}
 * @param bootstrapResamples seed-bootstrap resamples for the best learning rate's interval
 * @param bootstrapSeed      the bootstrap's random seed (the report is reproducible)
 * @param fitHalfWidth       the quadratic fit uses the learning rates within this many decades of
 *                           the best (and at least its two neighbours)
 */
public record AnalysisOptions(double targetAccuracy, double basinTolerance, double usefulFraction,
                              int bootstrapResamples, long bootstrapSeed, double fitHalfWidth)
        implements java.io.Serializable {

    public AnalysisOptions {
        if (!(targetAccuracy > 0.0 && targetAccuracy <= 1.0)) {
            throw new IllegalArgumentException("target accuracy must be in (0, 1], got " + targetAccuracy);
        }
        if (!(basinTolerance >= 0.0) || Double.isInfinite(basinTolerance)) {
            throw new IllegalArgumentException("basin tolerance must be a finite number >= 0, got " + basinTolerance);
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

    /** Target 80% accuracy, basin +10%, useful at 80% of the best's accuracy gain, 2000 resamples, fit within 1 decade. */
    public static AnalysisOptions defaults() {
        return new AnalysisOptions(0.8, 0.10, 0.8, 2000, 20230101L, 1.0);
    }
}
