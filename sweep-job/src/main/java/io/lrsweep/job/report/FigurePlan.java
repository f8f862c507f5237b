package io.lrsweep.job.report;

import io.lrsweep.job.analysis.Axis;
import io.lrsweep.job.analysis.SensitivityRow;
import io.lrsweep.job.analysis.Setting;
import io.lrsweep.job.analysis.SettingSummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which slices of the grid the figures show. A sweep over several axes has many setups per axis;
 * the figure for an axis shows the setup that holds the best setting of the sweep (so every
 * figure passes through the recommendation), or, when that setup has a single value of the axis,
 * the setup with the most values.
 */
final class FigurePlan {
    /** At most this many heatmaps per report. */
    static final int MAX_HEATMAPS = 6;

    private FigurePlan() {}

    /** The reference study's figure for one axis: one panel per value, the other settings fixed. */
    record AxisPanels(Axis axis, String setup, List<SensitivityRow> panels) {}

    /** A heatmap: mean final val_loss over two axes, the others fixed as {@code fixed} says. */
    record HeatmapSlice(Axis x, Axis y, String fixed, List<String> xValues, List<String> yValues,
                        Map<String, SettingSummary> cells) {
        static String key(String x, String y) {
            return x + "\u0000" + y;
        }
    }

    /** The best setting of the sweep: every seed ok, lowest mean final val_loss. Null if none. */
    static SettingSummary best(List<SettingSummary> settings) {
        return settings.stream().filter(SettingSummary::allOk).min(SettingSummary::compareByLoss).orElse(null);
    }

    static List<AxisPanels> axisPanels(List<SensitivityRow> rows, SettingSummary best) {
        Map<Axis, Map<String, List<SensitivityRow>>> byAxis = new LinkedHashMap<>();
        for (SensitivityRow r : rows) {
            byAxis.computeIfAbsent(r.axis(), k -> new LinkedHashMap<>()).computeIfAbsent(r.setup(), k -> new ArrayList<>()).add(r);
        }
        List<AxisPanels> out = new ArrayList<>();
        for (var e : byAxis.entrySet()) {
            Map<String, List<SensitivityRow>> setups = e.getValue();
            String chosen = null;
            for (var s : setups.entrySet()) {
                if (best != null && s.getValue().stream().anyMatch(r -> r.setting().equals(best.setting()))) {
                    chosen = s.getKey();
                }
            }
            if (chosen == null) {
                chosen = setups.entrySet().stream().max(Comparator.comparingInt(s -> s.getValue().size())).orElseThrow().getKey();
            }
            List<SensitivityRow> panels = new ArrayList<>(setups.get(chosen));
            panels.sort(panelOrder());
            out.add(new AxisPanels(e.getKey(), chosen, panels));
        }
        return out;
    }

    /** A sweep of one setting (nothing varies): a single panel for it. */
    static AxisPanels single(List<SettingSummary> settings) {
        SettingSummary s = settings.get(0);
        return new AxisPanels(Axis.OPTIMIZER, s.setting().describe(),
                List.of(new SensitivityRow(Axis.OPTIMIZER, s.setting().optimizer(), null, s.setting().describe(), s, 1, 1)));
    }

    /** Numeric axes in descending value for the lr (the study's order: 1 first), ascending otherwise. */
    static Comparator<SensitivityRow> panelOrder() {
        return (a, b) -> {
            if (a.axisNumber() == null || b.axisNumber() == null) {
                if (a.axisNumber() == null && b.axisNumber() == null) {
                    return a.axisValue().compareTo(b.axisValue());
                }
                return a.axisNumber() == null ? 1 : -1;
            }
            int c = Double.compare(a.axisNumber(), b.axisNumber());
            return a.axis() == Axis.LEARNING_RATE ? -c : c;
        };
    }

    /**
     * Heatmaps of two varying axes (the learning rate against each other axis when it varies, else
     * every pair), each on the complete cross product of the two axes that holds the best setting
     * (or the largest such slice). The optimizer axis folds momentum into the optimizer's name, as in
     * the sensitivity table, since only SGD has one.
     */
    static List<HeatmapSlice> heatmaps(List<SettingSummary> settings, List<Axis> varying, SettingSummary best) {
        List<Axis[]> pairs = new ArrayList<>();
        if (varying.contains(Axis.LEARNING_RATE)) {
            for (Axis a : varying) {
                if (a != Axis.LEARNING_RATE) {
                    pairs.add(new Axis[]{Axis.LEARNING_RATE, a});
                }
            }
        } else {
            for (int i = 0; i < varying.size(); i++) {
                for (int j = i + 1; j < varying.size(); j++) {
                    pairs.add(new Axis[]{varying.get(i), varying.get(j)});
                }
            }
        }
        List<HeatmapSlice> out = new ArrayList<>();
        for (Axis[] p : pairs) {
            if (out.size() >= MAX_HEATMAPS || p[0] == Axis.OPTIMIZER && p[1] == Axis.MOMENTUM
                    || p[0] == Axis.MOMENTUM && p[1] == Axis.OPTIMIZER) {
                continue;
            }
            HeatmapSlice s = slice(settings, p[0], p[1], varying.contains(Axis.MOMENTUM), best);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static HeatmapSlice slice(List<SettingSummary> settings, Axis x, Axis y, boolean momentumVaries,
                                      SettingSummary best) {
        boolean foldMomentum = x == Axis.OPTIMIZER || y == Axis.OPTIMIZER;
        Map<String, List<SettingSummary>> groups = new LinkedHashMap<>();
        for (SettingSummary s : settings) {
            Setting st = s.setting();
            String fixed = foldMomentum ? st.describeWithout(x, y, Axis.MOMENTUM) : st.describeWithout(x, y);
            groups.computeIfAbsent(fixed, k -> new ArrayList<>()).add(s);
        }
        HeatmapSlice chosen = null;
        for (var g : groups.entrySet()) {
            Set<String> xs = new LinkedHashSet<>();
            Set<String> ys = new LinkedHashSet<>();
            Map<String, SettingSummary> cells = new LinkedHashMap<>();
            List<SettingSummary> sorted = new ArrayList<>(g.getValue());
            sorted.sort(Comparator.comparing(SettingSummary::setting, along(x)).thenComparing(SettingSummary::setting, along(y)));
            for (SettingSummary s : sorted) {
                String xv = value(s.setting(), x, momentumVaries);
                String yv = value(s.setting(), y, momentumVaries);
                xs.add(xv);
                ys.add(yv);
                cells.put(HeatmapSlice.key(xv, yv), s);
            }
            if (xs.size() < 2 || ys.size() < 2 || cells.size() != xs.size() * ys.size()) {
                continue;
            }
            HeatmapSlice slice = new HeatmapSlice(x, y, g.getKey(), List.copyOf(xs), List.copyOf(ys), cells);
            boolean holdsBest = best != null && g.getValue().stream().anyMatch(s -> s.setting().equals(best.setting()));
            if (holdsBest || chosen == null || cells.size() > chosen.cells().size()) {
                chosen = slice;
            }
            if (holdsBest) {
                break;
            }
        }
        return chosen;
    }

    static String value(Setting s, Axis axis, boolean momentumVaries) {
        if (axis == Axis.OPTIMIZER && momentumVaries && s.momentum() != null) {
            return s.optimizer() + " " + s.term(Axis.MOMENTUM);
        }
        return s.value(axis);
    }

    /** Settings in the order of their value on an axis: numbers ascending (missing first), optimizers by name and momentum. */
    static Comparator<Setting> along(Axis axis) {
        Comparator<Double> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
        if (axis == Axis.OPTIMIZER) {
            return Comparator.comparing(Setting::optimizer).thenComparing(Setting::momentum, nullsFirst);
        }
        return Comparator.comparing(s -> s.number(axis), nullsFirst);
    }
}
