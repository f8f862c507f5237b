package io.lrsweep.job.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every axis with more than one value, compared two ways: its <b>profile</b> (each value at its own
 * best setting of the other axes: momentum 0.9 at its best lr, momentum 0 at its own) and its
 * <b>setup</b> slices (the values at each fixed setting of the other axes, where there are at least
 * two). Within each, rows are ranked and paired with the slice's best ({@link PairedComparison}).
 */
public final class AxisSlices {
    private AxisSlices() {}

    /** The axes with more than one value where they apply, in declared order. */
    public static List<SettingAxis> varying(List<SettingTrials> settings) {
        List<SettingAxis> out = new ArrayList<>();
        for (SettingAxis a : SettingAxes.ALL) {
            Set<Object> values = new HashSet<>();
            for (SettingTrials s : settings) {
                Object v = s.setting().get(a);
                if (a.applies(v)) {
                    values.add(v);
                }
            }
            if (values.size() > 1) {
                out.add(a);
            }
        }
        return out;
    }

    public static List<SliceRow> of(List<SettingTrials> settings) {
        List<SettingAxis> varying = varying(settings);
        List<SliceRow> rows = new ArrayList<>();
        for (SettingAxis axis : varying) {
            List<SettingTrials> applicable = settings.stream().filter(s -> axis.applies(s.setting().get(axis))).toList();
            List<SettingAxis> folded = Folding.of(axis, applicable.stream().map(SettingTrials::setting).toList());
            rows.addAll(profile(axis, applicable, varying));
            Set<SettingAxis> out = new HashSet<>(folded);
            out.add(axis);
            List<SettingAxis> described = varying.stream().filter(a -> !out.contains(a)).toList();
            Map<List<Object>, List<SettingTrials>> setups = new LinkedHashMap<>();
            for (SettingTrials s : applicable) {
                setups.computeIfAbsent(s.setting().without(out), k -> new ArrayList<>()).add(s);
            }
            for (List<SettingTrials> setup : setups.values()) {
                if (setup.size() >= 2) {
                    String label = setup.get(0).setting().describe(described);
                    rows.addAll(ranked(axis, SliceRow.SETUP, label.isEmpty() ? "the other settings as swept" : label,
                            setup, folded));
                }
            }
        }
        return rows;
    }

    /** Each value at its best setting: recommendable first, then the lowest mean cost. */
    private static List<SliceRow> profile(SettingAxis axis, List<SettingTrials> applicable, List<SettingAxis> varying) {
        Map<Object, SettingTrials> best = new LinkedHashMap<>();
        for (SettingTrials s : applicable) {
            best.merge(s.setting().get(axis), s, (a, b) -> SettingTrials.compare(b, a) < 0 ? b : a);
        }
        String what = varying.size() == 1 ? "the only axis that varies"
                : "each value at its own best " + String.join(", ", varying.stream().filter(a -> a != axis)
                .map(SettingAxis::label).toList());
        return ranked(axis, SliceRow.PROFILE, what, new ArrayList<>(best.values()), List.of());
    }

    private static List<SliceRow> ranked(SettingAxis axis, String slice, String setup, List<SettingTrials> members,
                                         List<SettingAxis> folded) {
        List<SettingTrials> byRank = new ArrayList<>(members);
        byRank.sort(SettingTrials::compare);
        SettingTrials best = byRank.get(0).recommendable() ? byRank.get(0) : null;
        List<SettingTrials> shown = new ArrayList<>(members);
        shown.sort(Comparator.comparing((SettingTrials s) -> s.setting().get(axis), axis.order()));
        List<SliceRow> rows = new ArrayList<>();
        for (SettingTrials s : shown) {
            int rank = 1;
            for (SettingTrials o : members) {
                if (SettingTrials.compare(o, s) < 0) {
                    rank++;
                }
            }
            PairedComparison vs = best == null ? null : s == best ? PairedComparison.self(s.costs().size())
                    : !s.recommendable() ? PairedComparison.notOk() : PairedComparison.of(s.costs(), best.costs());
            Object v = s.setting().get(axis);
            StringBuilder value = new StringBuilder(axis.format(v));
            for (SettingAxis f : folded) {
                Object fv = s.setting().get(f);
                if (f.applies(fv)) {
                    value.append(' ').append(f.describe(fv));
                }
            }
            rows.add(new SliceRow(axis, slice, setup, value.toString(), axis.number(v), s, rank, members.size(), vs));
        }
        return rows;
    }
}
