package io.lrsweep.job.report;

import io.lrsweep.job.analysis.Folding;
import io.lrsweep.job.analysis.Ranking;
import io.lrsweep.job.analysis.Setting;
import io.lrsweep.job.analysis.SettingAxes;
import io.lrsweep.job.analysis.SettingAxis;
import io.lrsweep.job.analysis.SettingTrials;
import io.lrsweep.job.analysis.SliceRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which settings the figures show, decided from the trials alone (so that the curves are read once,
 * for just these): per axis that varies, each of its values at its own best setting of the other
 * axes (the profile), and heatmaps of two axes through the best setting.
 */
final class FigurePlan {
    /** At most this many heatmaps per report. */
    static final int MAX_HEATMAPS = 6;

    private FigurePlan() {}

    /** A panel: a setting and its title. */
    record Panel(SettingTrials setting, String title) {}

    /** One axis's figure: a panel per value (null axis: a sweep of a single setting). */
    record AxisPanels(SettingAxis axis, String caption, List<Panel> panels) {
        String file() {
            return axis == null ? "setting" : axis.column();
        }

        String label() {
            return axis == null ? "the setting" : axis.label();
        }
    }

    /** A heatmap: two axes through the best setting, a cell per pair of values (labels with what goes with them). */
    record HeatmapSlice(SettingAxis x, SettingAxis y, String fixed, List<String> xValues, List<String> yValues,
                        Map<String, Map<String, SettingTrials>> cells) {}

    static List<AxisPanels> axisPanels(Ranking r) {
        List<AxisPanels> out = new ArrayList<>();
        for (SettingAxis a : r.varying()) {
            List<SliceRow> rows = new ArrayList<>(r.slices().stream().filter(s -> s.axis() == a && s.profile()).toList());
            Comparator<Object> order = a.order();
            // The study's order for the learning rate: the largest first.
            rows.sort(Comparator.comparing(s -> s.setting().setting().get(a),
                    a == SettingAxes.LEARNING_RATE ? order.reversed() : order));
            List<SettingAxis> others = r.varying().stream().filter(o -> o != a).toList();
            // Titles name only what differs between the panels; what they share goes into the caption once.
            List<SettingAxis> differing = new ArrayList<>();
            List<SettingAxis> shared = new ArrayList<>();
            for (SettingAxis o : others) {
                Set<Object> values = new HashSet<>();
                rows.forEach(s -> values.add(s.setting().setting().get(o)));
                (values.size() > 1 ? differing : shared).add(o);
            }
            List<Panel> panels = new ArrayList<>();
            for (SliceRow s : rows) {
                String at = s.setting().setting().spoken(differing);
                panels.add(new Panel(s.setting(), a.spoken(s.setting().setting().get(a)) + (at.isEmpty() ? "" : "  (" + at + ")")));
            }
            String all = rows.isEmpty() ? "" : rows.get(0).setting().setting().spoken(shared);
            String caption = others.isEmpty() ? "" : "each value at its own best " + String.join(", ",
                    others.stream().map(SettingAxis::label).toList()) + (all.isEmpty() ? "" : "; all at " + all);
            out.add(new AxisPanels(a, caption, panels));
        }
        if (out.isEmpty() && !r.settings().isEmpty()) {
            SettingTrials only = r.settings().get(0);
            out.add(new AxisPanels(null, "", List.of(new Panel(only, only.setting().spoken(SettingAxes.ALL)))));
        }
        return out;
    }

    /** The settings whose epochs the figures draw. */
    static Set<Setting> shown(Ranking r) {
        Set<Setting> out = new LinkedHashSet<>();
        for (AxisPanels a : axisPanels(r)) {
            a.panels().forEach(p -> out.add(p.setting().setting()));
        }
        return out;
    }

    /** The learning rate against each other varying axis (or every pair, without an lr axis), through the best. */
    static List<HeatmapSlice> heatmaps(Ranking r) {
        List<SettingAxis> v = r.varying();
        List<SettingAxis[]> pairs = new ArrayList<>();
        if (v.contains(SettingAxes.LEARNING_RATE)) {
            v.stream().filter(a -> a != SettingAxes.LEARNING_RATE).forEach(a -> pairs.add(new SettingAxis[]{SettingAxes.LEARNING_RATE, a}));
        } else {
            for (int i = 0; i < v.size(); i++) {
                for (int j = i + 1; j < v.size(); j++) {
                    pairs.add(new SettingAxis[]{v.get(i), v.get(j)});
                }
            }
        }
        SettingTrials anchor = r.best() != null ? r.best() : r.settings().isEmpty() ? null : r.settings().get(0);
        List<HeatmapSlice> out = new ArrayList<>();
        for (SettingAxis[] p : pairs) {
            HeatmapSlice s = anchor == null ? null : slice(r, p[0], p[1], anchor);
            if (s != null && out.size() < MAX_HEATMAPS) {
                out.add(s);
            }
        }
        return out;
    }

    private static HeatmapSlice slice(Ranking r, SettingAxis x, SettingAxis y, SettingTrials anchor) {
        List<Setting> all = r.settings().stream().map(SettingTrials::setting).toList();
        List<SettingAxis> withX = Folding.of(x, all);
        List<SettingAxis> withY = Folding.of(y, all);
        if (withX.contains(y) || withY.contains(x)) {
            return null;
        }
        Set<SettingAxis> free = new HashSet<>(withX);
        free.addAll(withY);
        free.add(x);
        free.add(y);
        List<Object> key = anchor.setting().without(free);
        List<SettingTrials> members = new ArrayList<>(r.settings().stream().filter(s -> s.setting().without(free).equals(key)).toList());
        members.sort(Comparator.comparing((SettingTrials s) -> s.setting().get(x), x.order())
                .thenComparing(s -> s.setting().get(y), y.order()));
        Map<String, Map<String, SettingTrials>> cells = new LinkedHashMap<>();
        Set<String> ys = new LinkedHashSet<>();
        for (SettingTrials s : members) {
            String xv = label(s.setting(), x, withX);
            String yv = label(s.setting(), y, withY);
            ys.add(yv);
            cells.computeIfAbsent(xv, k -> new LinkedHashMap<>()).put(yv, s);
        }
        boolean complete = cells.values().stream().allMatch(m -> m.keySet().equals(ys));
        if (cells.size() < 2 || ys.size() < 2 || !complete) {
            return null;
        }
        List<SettingAxis> fixedAxes = r.varying().stream().filter(a -> !free.contains(a)).toList();
        String fixed = anchor.setting().spoken(fixedAxes);
        return new HeatmapSlice(x, y, fixed.isEmpty() ? "every other setting as swept" : fixed,
                List.copyOf(cells.keySet()), List.copyOf(ys), cells);
    }

    private static String label(Setting s, SettingAxis axis, List<SettingAxis> with) {
        StringBuilder b = new StringBuilder(axis.format(s.get(axis)));
        for (SettingAxis w : with) {
            if (w.applies(s.get(w))) {
                b.append(' ').append(w.spoken(s.get(w)));
            }
        }
        return b.toString();
    }
}
