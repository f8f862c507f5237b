package io.lrsweep.core.train;

import java.util.List;
import java.util.Locale;

/**
 * How a finished trial is classified (see {@link TrialStatus}), with a short reason in words. The
 * rules, in order: a non-finite value is DIVERGED; a trial whose last epoch was frozen (no row
 * passed a gradient, no weight changed) is SATURATED while training rows are still misclassified
 * and OK (converged) when every one is right; otherwise OK when the final val_loss is below the
 * initial one, else STALLED.
 */
public final class OutcomeRules {

    /** A status and why. */
    public record Verdict(TrialStatus status, String reason) {}

    private OutcomeRules() {}

    /**
     * @param initial     epoch 0
     * @param history     epochs 1.. as recorded
     * @param finite      false when the trial stopped on a non-finite value
     * @param frozenFrom  the first epoch of the frozen stretch the trial ended in, or null
     * @param filledFrom  the first epoch filled in without training once nothing could change, or null
     */
    public static Verdict judge(EpochRecord initial, List<EpochRecord> history, boolean finite, Integer frozenFrom,
                                Integer filledFrom) {
        Verdict v = judge(initial, history, finite, frozenFrom);
        if (filledFrom == null) {
            return v;
        }
        int last = history.get(history.size() - 1).epoch();
        String filled = filledFrom == last ? "epoch " + last : "epochs " + filledFrom + "-" + last;
        return new Verdict(v.status(), v.reason() + "; " + filled + " filled in without training (nothing could change)");
    }

    /** {@link #judge(EpochRecord, List, boolean, Integer, Integer)} for a trial trained to its end. */
    public static Verdict judge(EpochRecord initial, List<EpochRecord> history, boolean finite, Integer frozenFrom) {
        EpochRecord last = history.isEmpty() ? initial : history.get(history.size() - 1);
        if (!finite) {
            return new Verdict(TrialStatus.DIVERGED, nonFinite(last));
        }
        if (frozenFrom != null) {
            double wrong = 1.0 - last.accuracy();
            if (wrong > 0.0) {
                return new Verdict(TrialStatus.SATURATED, String.format(Locale.ROOT,
                        "frozen from epoch %d (no gradient passes, weights unchanged) with %s of training rows misclassified",
                        frozenFrom, percent(wrong)));
            }
            return new Verdict(TrialStatus.OK, "converged: frozen from epoch " + frozenFrom + " with every training row right");
        }
        if (last.valLoss() < initial.valLoss()) {
            return new Verdict(TrialStatus.OK, String.format(Locale.ROOT, "final val_loss %s < initial %s",
                    number(last.valLoss()), number(initial.valLoss())));
        }
        return new Verdict(TrialStatus.STALLED, String.format(Locale.ROOT, "final val_loss %s is not below initial %s",
                number(last.valLoss()), number(initial.valLoss())));
    }

    private static String nonFinite(EpochRecord r) {
        String what = !Double.isFinite(r.loss()) ? "loss " + r.loss()
                : !Double.isFinite(r.valLoss()) ? "val_loss " + r.valLoss() : "a weight not finite";
        return what + " at epoch " + r.epoch();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.3g%%", 100.0 * fraction);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
