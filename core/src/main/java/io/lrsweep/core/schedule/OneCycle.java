package io.lrsweep.core.schedule;

import java.util.Map;

/**
 * PyTorch's {@code OneCycleLR} (Smith and Topin 2017, fastai's two-phase form), stepped once per
 * update, with {@code max_lr} the grid's learning rate, {@code total_steps = T},
 * {@code anneal_strategy='cos'}, {@code three_phase=False} and no momentum cycling (lrsweep's
 * momentum is a grid axis of its own). As {@code torch/optim/lr_scheduler.py} computes it, in
 * factors of max_lr:
 * <pre>
 *   initial = 1 / div_factor;  min = initial / final_div_factor
 *   end1 = pct_start * T - 1                                   (phase 1 ends at this step)
 *   t &lt;= end1:  factor = anneal(initial, 1, t / end1)
 *   otherwise:  factor = anneal(1, min, (t - end1) / (T - 1 - end1))
 *   anneal(start, end, pct) = end + (start - end) / 2 * (cos(pi * pct) + 1)
 * </pre>
 * Update {@code t} runs at the lr PyTorch's scheduler sets after {@code t} calls of {@code step()}
 * (its {@code last_epoch = t}): {@code max_lr / div_factor} first, {@code max_lr} at the end of
 * phase 1, {@code max_lr / div_factor / final_div_factor} at the last update.
 *
 * @param pctStart       the share of the run spent rising, in [0, 1] (0.3)
 * @param divFactor      max_lr / initial lr, finite > 0 (25)
 * @param finalDivFactor initial lr / final lr, finite > 0 (1e4)
 */
public record OneCycle(double pctStart, double divFactor, double finalDivFactor) implements Schedule {

    public OneCycle {
        ScheduleChecks.unit("pct_start", pctStart);
        ScheduleChecks.positive("div_factor", divFactor);
        ScheduleChecks.positive("final_div_factor", finalDivFactor);
    }

    /** PyTorch's defaults: pct_start 0.3, div_factor 25, final_div_factor 1e4. */
    public static OneCycle pytorchDefaults() {
        return new OneCycle(0.3, 25.0, 1e4);
    }

    @Override
    public double factor(long t, long updatesPerEpoch, long totalUpdates) {
        double initial = 1.0 / divFactor;
        double min = initial / finalDivFactor;
        double end1 = pctStart * (double) totalUpdates - 1.0;
        double step = (double) t;
        if (step <= end1) {
            return anneal(initial, 1.0, (step - 0.0) / (end1 - 0.0));
        }
        return anneal(1.0, min, (step - end1) / ((double) (totalUpdates - 1) - end1));
    }

    /** PyTorch's {@code _annealing_cos}, in its order of operations. */
    static double anneal(double start, double end, double pct) {
        double cosOut = StrictMath.cos(StrictMath.PI * pct) + 1.0;
        return end + (start - end) / 2.0 * cosOut;
    }

    /** PyTorch divides by zero (and raises) when phase 1 ends at step 0: pct_start * T = 1. */
    @Override
    public void check(long updatesPerEpoch, long totalUpdates) {
        if (pctStart * (double) totalUpdates - 1.0 == 0.0) {
            throw new IllegalArgumentException("one_cycle pct_start " + pctStart + " x " + totalUpdates
                    + " updates = 1 leaves the rising phase a single step, where OneCycleLR divides by zero; use another pct_start");
        }
    }

    @Override
    public ScheduleKind type() {
        return ScheduleKind.ONE_CYCLE;
    }

    @Override
    public Map<String, Number> parameters() {
        return Schedule.params("pct_start", pctStart, "div_factor", divFactor, "final_div_factor", finalDivFactor);
    }
}
