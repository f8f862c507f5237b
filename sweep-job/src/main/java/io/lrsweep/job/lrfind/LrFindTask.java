package io.lrsweep.job.lrfind;

import io.lrsweep.core.lrfind.LrFinderResult;
import io.lrsweep.core.lrfind.LrFinderSpec;
import io.lrsweep.core.train.TrialSettings;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One range test: an optimizer/setup of the sweep and a seed. Only the optimizer and its momentum
 * decide a range test (core's LrFinder switches time-based decay, schedules and plateau control
 * off and sets the lr itself), so setups that differ only in lr, decay or patience share one.
 */
record LrFindTask(String sweep, String optimizer, Double momentum, long seed, TrialSettings settings)
        implements Serializable {

    /**
     * The range test's settings in a form Spark can ship to executors (core's LrFinderSpec is not
     * Serializable); rebuilt, and so validated again, where the test runs.
     */
    record Finder(double lrMin, double lrMax, int updates, double smoothing, double divergenceFactor) implements Serializable {
        static Finder of(LrFinderSpec s) {
            return new Finder(s.lrMin(), s.lrMax(), s.updates(), s.smoothing(), s.divergenceFactor());
        }

        LrFinderSpec spec() {
            return new LrFinderSpec(lrMin, lrMax, updates, smoothing, divergenceFactor);
        }
    }

    /** The finished test as it leaves the executor. */
    record Outcome(LrFindTask task, LrFinderResult result) implements Serializable {

        List<Row> curveRows() {
            List<Row> rows = new ArrayList<>(result.curve().size());
            for (LrFinderResult.Point p : result.curve()) {
                rows.add(RowFactory.create(task.sweep(), task.optimizer(), task.momentum(), task.seed(),
                        p.step(), p.lr(), p.loss(), p.smoothedLoss()));
            }
            return rows;
        }

        Row summaryRow(Finder spec) {
            return RowFactory.create(task.sweep(), task.optimizer(), task.momentum(), task.seed(),
                    result.curve().size(), nan(result.steepestLr()), nan(result.minimumLr()), nan(result.minimumOverTen()),
                    result.stopReason(), spec.lrMin(), spec.lrMax(), spec.updates(), spec.smoothing(), spec.divergenceFactor());
        }

        private static Double nan(double v) {
            return Double.isNaN(v) ? null : v;
        }
    }
}
