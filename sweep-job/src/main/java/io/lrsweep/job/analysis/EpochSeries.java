package io.lrsweep.job.analysis;

import io.lrsweep.job.table.CurvePoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One setting's curve over its finished seeds, epoch by epoch from 0: mean and extremes of the
 * train and validation loss and accuracy, and the geometric mean and extremes of the learning rate
 * (plateau runs differ by decades between seeds). Filled row by row in any order, then closed.
 */
public final class EpochSeries {

    /** One epoch over the seeds that reached it. */
    public record Point(int epoch, int seeds, Band loss, Band accuracy, Band valLoss, Band valAccuracy, Band lr) {}

    /** Mean (geometric for the lr), min and max over seeds. */
    public record Band(double mean, double min, double max) {}

    private final Map<String, CurvePoint> last = new HashMap<>();
    private final List<double[][]> sums = new ArrayList<>();
    private List<Point> points;

    private static final int LOSS = 0;
    private static final int ACCURACY = 1;
    private static final int VAL_LOSS = 2;
    private static final int VAL_ACCURACY = 3;
    private static final int LOG_LR = 4;
    private static final int COUNT = 5;

    void add(CurvePoint p) {
        CurvePoint before = last.get(p.trialId());
        if (before == null || p.epoch() > before.epoch()) {
            last.put(p.trialId(), p);
        }
        accumulate(p.epoch(), p);
    }

    /** Repeats the trial's last recorded epoch up to {@code epochs} (a frozen net stays as it is). */
    void extendFrozen(String trialId, int epochs) {
        CurvePoint p = last.get(trialId);
        if (p != null) {
            for (int e = p.epoch() + 1; e <= epochs; e++) {
                accumulate(e, p);
            }
        }
    }

    private void accumulate(int epoch, CurvePoint p) {
        while (sums.size() <= epoch) {
            // Per quantity: sum, min, max; the count in the last slot.
            double[][] s = new double[COUNT + 1][];
            for (int q = 0; q < COUNT; q++) {
                s[q] = new double[]{0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            }
            s[COUNT] = new double[]{0.0};
            sums.add(s);
        }
        double[][] s = sums.get(epoch);
        double[] v = {p.loss(), p.accuracy(), p.valLoss(), p.valAccuracy(), Math.log(p.lr())};
        for (int q = 0; q < COUNT; q++) {
            s[q][0] += v[q];
            s[q][1] = Math.min(s[q][1], v[q]);
            s[q][2] = Math.max(s[q][2], v[q]);
        }
        s[COUNT][0]++;
    }

    void close() {
        List<Point> out = new ArrayList<>();
        for (int e = 0; e < sums.size(); e++) {
            double[][] s = sums.get(e);
            int n = (int) s[COUNT][0];
            if (n == 0) {
                continue;
            }
            out.add(new Point(e, n, band(s[LOSS], n), band(s[ACCURACY], n), band(s[VAL_LOSS], n), band(s[VAL_ACCURACY], n),
                    new Band(Math.exp(s[LOG_LR][0] / n), Math.exp(s[LOG_LR][1]), Math.exp(s[LOG_LR][2]))));
        }
        points = List.copyOf(out);
        last.clear();
        sums.clear();
    }

    private static Band band(double[] s, int n) {
        return new Band(s[0] / n, s[1], s[2]);
    }

    /** The epochs in order (closed series only). */
    public List<Point> points() {
        return points;
    }
}
