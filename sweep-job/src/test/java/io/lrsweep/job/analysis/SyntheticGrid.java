package io.lrsweep.job.analysis;

import io.lrsweep.job.run.TrialRow;
import io.lrsweep.job.table.CurvePoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A grid made up for the transfer and tuning-cost tests: sgd trials over learning rates and one
 * other axis, each trial's val_loss at every epoch given by a formula, its final row from the last
 * epoch. The untrained net's val_loss is {@link #INITIAL}.
 */
final class SyntheticGrid {
    static final double INITIAL = 1.1;

    /** val_loss of a trial at an epoch (1-based). */
    interface Loss {
        double at(double lr, double axisValue, long seed, int epoch);
    }

    /** Which setting a trial's axis value goes to. */
    enum Axis { BATCH_SIZE, WIDTH, MOMENTUM, WEIGHT_DECAY, NONE }

    final List<TrialRow> trials = new ArrayList<>();
    final List<CurvePoint> curves = new ArrayList<>();

    SyntheticGrid add(Axis axis, double[] axisValues, double[] lrs, int seeds, int epochs, Loss loss) {
        for (double v : axisValues) {
            for (double lr : lrs) {
                for (long seed = 0; seed < seeds; seed++) {
                    add(axis, v, lr, seed, epochs, "ok", loss);
                }
            }
        }
        return this;
    }

    SyntheticGrid add(Axis axis, double v, double lr, long seed, int epochs, String status, Loss loss) {
        String id = axis + "|" + v + "|" + lr + "|" + seed;
        int batch = axis == Axis.BATCH_SIZE ? (int) v : 32;
        int width = axis == Axis.WIDTH ? (int) v : 50;
        double momentum = axis == Axis.MOMENTUM ? v : 0.0;
        double wd = axis == Axis.WEIGHT_DECAY ? v : 0.0;
        boolean diverged = status.equals("diverged");
        curves.add(new CurvePoint(id, 0, lr, INITIAL, 1.0 / 3, INITIAL, 1.0 / 3, Double.NaN, 1.0));
        double last = Double.NaN;
        for (int e = 1; e <= epochs; e++) {
            last = diverged && e == epochs ? Double.NaN : loss.at(lr, v, seed, e);
            curves.add(new CurvePoint(id, e, lr, last, 1.0 - last / 2, last, 1.0 - last / 2, 0.5, 1.0));
        }
        Double fin = diverged ? Double.NaN : last;
        trials.add(new TrialRow("synthetic", id, "sgd", lr, momentum, 0.0, null, seed, trials.size(), batch, epochs, status,
                status, epochs, INITIAL, INITIAL, fin, 1.0 - fin / 2, fin, 1.0 - fin / 2, fin, epochs, null, 0,
                1000L * epochs, null, "constant", wd, Boolean.FALSE, "[" + width + "]", 1, width));
        return this;
    }

    AnalysisResult analyse() {
        return Analysis.run(trials, each -> curves.forEach(each), AnalysisOptions.defaults(), r -> Set.of());
    }

    /** Learning rates 1e-3 x 2^m for m = 0..16. */
    static double[] powersOfTwoLrs() {
        double[] lrs = new double[17];
        for (int m = 0; m < lrs.length; m++) {
            lrs[m] = 1e-3 * Math.pow(2, m);
        }
        return lrs;
    }
}
