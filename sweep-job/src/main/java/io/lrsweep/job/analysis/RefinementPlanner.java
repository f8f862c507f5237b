package io.lrsweep.job.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Plans one round of learning-rate refinement from a sweep's U-curves ({@link UCurveSummary}), with
 * no Spark and nothing read: pure arithmetic on the analysis. Per setup, around its best lr (the
 * lowest mean of the metric among the lrs whose every seed ended ok):
 * <ul>
 *   <li>its <b>bracket</b> is the best's two neighbours on the grid; at the grid's edge the missing
 *       neighbour is one step of the grid's own spacing at that end beyond it, and is added too;</li>
 *   <li>{@code points} learning rates equally spaced in log10(lr) strictly inside the bracket are
 *       added (those that fall on a swept lr are not);</li>
 *   <li>it is not refined (a {@link Stop}) when no lr ended ok on every seed, when the bracket is
 *       already narrower than {@code resolution} decades, or when the best cannot be told from
 *       either neighbour by the paired test over seeds ({@link PairedComparison}, the U-curve's
 *       ties): a finer grid there would only chase the seeds' noise.</li>
 * </ul>
 * New values are written with the fewest significant digits (3 to 12) that keep them distinct from
 * each other and from the grid, and strictly inside their bracket.
 */
public final class RefinementPlanner {

    public static final int DEFAULT_POINTS = 4;
    public static final double DEFAULT_RESOLUTION = 0.125;
    /** Two values closer than this in log10(lr) are the same learning rate. */
    static final double SAME = 1e-9;

    private RefinementPlanner() {}

    /** Why a setup gets no new learning rates this round. */
    public enum Stop {
        /** Not stopped: it asks for new learning rates. */
        NONE,
        /** No learning rate ended ok on every seed: there is no best to refine around. */
        NO_BEST,
        /** The bracket around the best is narrower than the resolution. */
        RESOLVED,
        /** The best cannot be told from its neighbours (paired test over seeds). */
        TIED,
        /** No new value fits strictly inside the bracket. */
        NO_ROOM
    }

    /**
     * One setup's plan.
     *
     * @param bracketLow  the best's lower neighbour (null when the best is the smallest lr swept)
     * @param bracketHigh its upper neighbour (null when the best is the largest)
     * @param add         the learning rates to add, ascending (empty when stopped)
     * @param why         the plan in words
     */
    public record SetupPlan(String setup, Double bestLr, Double bracketLow, Double bracketHigh, List<Double> add, Stop stop,
                            String why) {
        public SetupPlan {
            add = List.copyOf(add);
        }

        /** The bracket's width in decades, or null when a side is open. */
        public Double decades() {
            return bracketLow == null || bracketHigh == null ? null : Math.log10(bracketHigh / bracketLow);
        }
    }

    /** A round's plan: one entry per setup. */
    public record Plan(List<SetupPlan> setups) {
        public Plan {
            setups = List.copyOf(setups);
        }

        /** Every learning rate some setup asked for, ascending: the round's values (the grid is shared). */
        public List<Double> union() {
            TreeSet<Double> all = new TreeSet<>();
            setups.forEach(s -> all.addAll(s.add()));
            return List.copyOf(all);
        }

        /** Whether no setup asks for anything: refinement is over. */
        public boolean done() {
            return union().isEmpty();
        }
    }

    /** The best's neighbours on {@code u}'s lrs: {lower, upper}, null where the best is at that edge or there is no best. */
    public static Double[] bracket(UCurveSummary u) {
        if (u.bestLr() == null) {
            return new Double[]{null, null};
        }
        List<Double> lrs = u.lrs();
        int b = lrs.indexOf(u.bestLr());
        return new Double[]{b > 0 ? lrs.get(b - 1) : null, b >= 0 && b < lrs.size() - 1 ? lrs.get(b + 1) : null};
    }

    public static Plan plan(List<UCurveSummary> ucurves, int points, double resolution) {
        if (points < 1) {
            throw new IllegalArgumentException("points must be an integer >= 1, got " + points);
        }
        if (!(resolution > 0.0) || Double.isInfinite(resolution)) {
            throw new IllegalArgumentException("resolution must be a finite number of decades > 0, got " + resolution);
        }
        List<SetupPlan> out = new ArrayList<>();
        for (UCurveSummary u : ucurves) {
            out.add(plan(u, points, resolution));
        }
        return new Plan(out);
    }

    static SetupPlan plan(UCurveSummary u, int points, double resolution) {
        String setup = u.setup();
        if (u.bestLr() == null) {
            return new SetupPlan(setup, null, null, null, List.of(), Stop.NO_BEST,
                    "no learning rate ended ok on every seed: nothing to refine around");
        }
        List<Double> lrs = u.lrs();
        double best = u.bestLr();
        Double[] nb = bracket(u);
        Double low = nb[0];
        Double high = nb[1];
        if (low != null && high != null) {
            double width = Math.log10(high / low);
            if (width < resolution) {
                return new SetupPlan(setup, best, low, high, List.of(), Stop.RESOLVED, String.format(Locale.ROOT,
                        "best lr %s, bracket %s to %s (%.3g decades), narrower than the resolution %s: done",
                        Labels.num(best), Labels.num(low), Labels.num(high), width, Labels.num(resolution)));
            }
            List<Double> tied = u.tiedLrs();
            if (tied != null && tied.contains(low) && tied.contains(high)) {
                return new SetupPlan(setup, best, low, high, List.of(), Stop.TIED, String.format(Locale.ROOT,
                        "best lr %s cannot be told from either neighbour (%s, %s) over %d seeds (paired, 95%%): "
                                + "a finer grid would chase noise; not refined", Labels.num(best), Labels.num(low),
                        Labels.num(high), u.seeds()));
            }
        }
        List<Double> add = new ArrayList<>();
        String edge = "";
        double from;
        double to;
        if (low == null) {
            double step = Math.log10(lrs.get(1) / lrs.get(0));
            from = Math.log10(best) - step;
            to = Math.log10(high);
            edge = "the best is the smallest lr swept: extended one step (" + Labels.sig(step, 3) + " decades) below; ";
        } else if (high == null) {
            double step = Math.log10(lrs.get(lrs.size() - 1) / lrs.get(lrs.size() - 2));
            from = Math.log10(low);
            to = Math.log10(best) + step;
            edge = "the best is the largest lr swept: extended one step (" + Labels.sig(step, 3) + " decades) above; ";
        } else {
            from = Math.log10(low);
            to = Math.log10(high);
        }
        List<Double> xs = new ArrayList<>();
        if (low == null) {
            xs.add(from);
        }
        for (int k = 1; k <= points; k++) {
            double x = from + k * (to - from) / (points + 1);
            if (lrs.stream().noneMatch(lr -> Math.abs(Math.log10(lr) - x) < SAME)) {
                xs.add(x);
            }
        }
        if (high == null) {
            xs.add(to);
        }
        add.addAll(values(xs, lrs, Math.pow(10.0, from), Math.pow(10.0, to), low == null, high == null));
        if (add.isEmpty()) {
            return new SetupPlan(setup, best, low, high, List.of(), Stop.NO_ROOM,
                    "best lr " + Labels.num(best) + ": no new learning rate fits between its neighbours");
        }
        String between = low != null && high != null ? String.format(Locale.ROOT, "between %s and %s (%.3g decades): ",
                Labels.num(low), Labels.num(high), Math.log10(high / low)) : "";
        return new SetupPlan(setup, best, low, high, add, Stop.NONE, "best lr " + Labels.num(best) + ", " + between + edge
                + "adding " + String.join(", ", add.stream().map(Labels::num).toList()));
    }

    /**
     * The points {@code xs} (log10) as learning rates with the fewest significant digits, from 3,
     * that keep them distinct from each other and from {@code swept}, and strictly between
     * {@code lo} and {@code hi} (or at them, where an edge value is added).
     */
    private static List<Double> values(List<Double> xs, List<Double> swept, double lo, double hi, boolean loIncluded,
                                       boolean hiIncluded) {
        for (int digits = 3; digits <= 12; digits++) {
            MathContext mc = new MathContext(digits);
            List<Double> out = new ArrayList<>();
            boolean fits = true;
            for (double x : xs) {
                double v = new BigDecimal(Math.pow(10.0, x)).round(mc).doubleValue();
                boolean inside = (v > lo || loIncluded && out.isEmpty()) && (v < hi || hiIncluded);
                if (!inside || out.contains(v) || swept.contains(v)) {
                    fits = false;
                    break;
                }
                out.add(v);
            }
            if (fits) {
                return out;
            }
        }
        return List.of();
    }
}
