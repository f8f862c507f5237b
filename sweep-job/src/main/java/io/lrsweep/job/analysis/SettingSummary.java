package io.lrsweep.job.analysis;

import org.apache.spark.sql.Row;

/**
 * A grid setting's statistics over seeds as the driver sees them, read from a row of the
 * per-setting table or of {@code sensitivity/} (same columns). Values are null where no seed ended ok.
 */
public record SettingSummary(Setting setting, int trials, int ok, int diverged, int failed, Integer firstDivergenceEpoch,
                             Stat finalValLoss, Stat bestValLoss, Stat finalValAccuracy, Stat bestValAccuracy,
                             Double finalLoss, Double finalAccuracy, double targetAccuracy, int reachedTarget,
                             Double epochsToTarget, Double initValLoss) {

    /** Mean, sample standard deviation, extremes and 95% t interval of one metric over the ok seeds. */
    public record Stat(Double mean, Double std, Double min, Double max, Double ciLow, Double ciHigh) {
        static Stat of(Row r, String metric) {
            return new Stat(d(r, metric + "_mean"), d(r, metric + "_std"), d(r, metric + "_min"), d(r, metric + "_max"),
                    d(r, metric + "_ci_low"), d(r, metric + "_ci_high"));
        }
    }

    public static SettingSummary of(Row r) {
        Integer firstDiverged = r.isNullAt(r.fieldIndex("first_divergence_epoch")) ? null : r.<Integer>getAs("first_divergence_epoch");
        return new SettingSummary(Setting.of(r), r.<Integer>getAs("trials"), r.<Integer>getAs("ok"),
                r.<Integer>getAs("diverged"), r.<Integer>getAs("failed"), firstDiverged,
                Stat.of(r, "final_val_loss"), Stat.of(r, "best_val_loss"), Stat.of(r, "final_val_accuracy"),
                Stat.of(r, "best_val_accuracy"), d(r, "final_loss_mean"), d(r, "final_accuracy_mean"),
                r.<Double>getAs("target_accuracy"), r.<Integer>getAs("reached_target"), d(r, "epochs_to_target_mean"),
                d(r, "init_val_loss_mean"));
    }

    /** Every seed ended ok: the setting may be recommended. */
    public boolean allOk() {
        return ok == trials && ok > 0;
    }

    /** Orders fully-ok settings first, then by mean final val_loss (the sensitivity table's rank order). */
    public static int compareByLoss(SettingSummary a, SettingSummary b) {
        if (a.allOk() != b.allOk()) {
            return a.allOk() ? -1 : 1;
        }
        Double x = a.finalValLoss().mean();
        Double y = b.finalValLoss().mean();
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : 1) : -1;
        }
        return Double.compare(x, y);
    }

    static Double d(Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? null : r.getDouble(i);
    }
}
