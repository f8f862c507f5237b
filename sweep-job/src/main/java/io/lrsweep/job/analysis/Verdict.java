package io.lrsweep.job.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer in words, as the console and the top of the report state it: the best setting with
 * its interval, the settings the paired test cannot tell from it, one line per setup along the
 * learning rate (best setups first), one line per other axis (each value at its own best), and
 * every warning. The numbers are those of the tables, formatted by {@link Labels}.
 *
 * @param best     the best setting and its value, or why there is none
 * @param ties     which settings are indistinguishable from it (or why that was not tested)
 * @param setups   per setup: "sgd, momentum 0.9: use lr 0.01, basin 0.003 to 0.03, ..."
 * @param axes     per axis other than the learning rate: its profile in one line
 * @param warnings what the user should act on (grid edges, no recommendable setting, too few seeds)
 */
public record Verdict(String best, String ties, List<String> setups, List<String> axes, List<String> warnings) {

    public static Verdict of(AnalysisResult r) {
        Ranking k = r.ranking();
        Metric m = r.metric();
        List<String> warnings = new ArrayList<>(EdgeWarnings.of(r.ucurves(), u -> u.setting().spoken(spokenAxes(k))));
        String best;
        String ties;
        SettingSummary b = r.best();
        if (b == null) {
            best = "no setting ended ok on every seed: there is nothing to recommend";
            ties = "";
            warnings.add(best + " (see the outcome classes in the report)");
        } else {
            best = k.spoken(b.setting()) + ": " + m.name() + " " + valueWithInterval(b.metric());
            if (!k.tiesTested()) {
                ties = "ties not tested: fewer than " + PairedComparison.MIN_SEEDS + " seeds";
                warnings.add("fewer than " + PairedComparison.MIN_SEEDS + " seeds: no intervals and no test of ties are given; "
                        + "run with --seeds 3 or more");
            } else {
                List<SettingTrials> tied = k.tiedWithBest();
                ties = tied.isEmpty() ? "no other setting is indistinguishable from it (paired over seeds, 95%)"
                        : count(tied.size(), "other setting") + " indistinguishable from it (paired over seeds, 95%): "
                        + names(tied.stream().map(s -> k.spoken(s.setting())).toList(), 3);
            }
        }
        List<String> setups = new ArrayList<>();
        for (List<UCurveSummary> twins : twins(r.ucurves())) {
            setups.add(setupLine(twins, k));
        }
        List<String> axes = new ArrayList<>();
        for (SettingAxis a : k.varying()) {
            if (a != SettingAxes.LEARNING_RATE) {
                axes.add(axisLine(a, k, r));
            }
        }
        return new Verdict(best, ties, setups, axes, warnings);
    }

    /**
     * The setups in order, those with the very same readings together (a plateau patience that never
     * cut the lr gives the same trials as none): one line says it once.
     */
    static List<List<UCurveSummary>> twins(List<UCurveSummary> ucurves) {
        java.util.Map<List<Object>, List<UCurveSummary>> groups = new java.util.LinkedHashMap<>();
        for (UCurveSummary u : ucurves) {
            List<Object> key = java.util.Arrays.asList(u.lrs(), u.counts(), u.bestLr(), u.bestValue(), u.basinLrMin(),
                    u.basinLrMax(), u.largestStableLr(), u.unstableAbove(), u.tiedLrs(), u.lrSensitivity(), u.fitValue());
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(u);
        }
        return new ArrayList<>(groups.values());
    }

    static String setupLine(List<UCurveSummary> twins, Ranking k) {
        UCurveSummary u = twins.get(0);
        String name = u.setting().spoken(spokenAxes(k));
        if (twins.size() > 1) {
            name += " (the same results with " + others(u, twins.subList(1, twins.size())) + ")";
        }
        if (u.bestLr() == null) {
            return name + ": no lr ended ok on every seed";
        }
        List<String> parts = new ArrayList<>();
        parts.add("use lr " + Labels.num(u.bestLr()));
        parts.add("basin " + range(u.basinLrMin(), u.basinLrMax()));
        if (u.tiedLrs() == null) {
            parts.add("ties untested (fewer than " + PairedComparison.MIN_SEEDS + " seeds)");
        } else if (u.tiedLrs().isEmpty()) {
            parts.add("no other lr indistinguishable");
        } else {
            parts.add(count(u.tiedLrs().size(), "other lr") + " indistinguishable ("
                    + String.join(", ", u.tiedLrs().stream().map(Labels::num).toList()) + ")");
        }
        parts.add("stable up to " + Labels.num(u.largestStableLr())
                + (u.unstableAbove() == null ? " (the largest swept)" : ", " + u.unstableAbove().label + " above"));
        if (u.lrSensitivity() != null) {
            parts.add("sensitivity " + Labels.sig(u.lrSensitivity(), 3));
        }
        return name + ": " + String.join(", ", parts);
    }

    /** How the twins differ from {@code u}: "patience 5, 10, 15" when by one axis, else each in full. */
    static String others(UCurveSummary u, List<UCurveSummary> twins) {
        java.util.Set<SettingAxis> differ = new java.util.LinkedHashSet<>();
        for (UCurveSummary t : twins) {
            SettingAxes.ALL.stream().filter(a -> !java.util.Objects.equals(t.setting().get(a), u.setting().get(a)))
                    .forEach(differ::add);
        }
        if (differ.size() == 1) {
            SettingAxis a = differ.iterator().next();
            return a.spoken(twins.get(0).setting().get(a)) + twins.subList(1, twins.size()).stream()
                    .map(t -> ", " + a.format(t.setting().get(a))).reduce("", String::concat);
        }
        return String.join("; ", twins.stream().map(t -> t.setting().spoken(List.copyOf(differ))).toList());
    }

    /** The axes a setup is named by: the optimizer and the other axes that vary (not the lr). */
    static List<SettingAxis> spokenAxes(Ranking k) {
        List<SettingAxis> shown = new ArrayList<>(List.of(SettingAxes.OPTIMIZER));
        k.varying().stream().filter(a -> a != SettingAxes.LEARNING_RATE && a != SettingAxes.OPTIMIZER).forEach(shown::add);
        return shown;
    }

    static String axisLine(SettingAxis a, Ranking k, AnalysisResult r) {
        List<SliceRow> rows = k.slices().stream().filter(s -> s.axis() == a && s.profile())
                .sorted((x, y) -> Integer.compare(x.rank(), y.rank())).toList();
        SliceRow top = rows.get(0);
        if (top.vsBest() == null) {
            return a.label() + ": no value ended ok on every seed";
        }
        List<String> tied = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        List<String> notOk = new ArrayList<>();
        for (SliceRow row : rows.subList(1, rows.size())) {
            String v = row.value() + " (lr " + Labels.num(row.setting().setting().learningRate()) + ")";
            if (!row.setting().recommendable()) {
                notOk.add(v);
            } else if (Boolean.TRUE.equals(row.vsBest().indistinguishable())) {
                tied.add(v);
            } else {
                worse.add(v);
            }
        }
        StringBuilder line = new StringBuilder(a.label() + ": " + top.value() + " best (at lr "
                + Labels.num(top.setting().setting().learningRate()) + ", " + r.metric().name() + " "
                + Labels.sig(r.summary(top.setting()).metric().mean(), 3) + ")");
        if (!k.tiesTested()) {
            line.append("; others (ties not tested): ").append(String.join(", ", concat(tied, worse)));
        } else {
            if (!tied.isEmpty()) {
                line.append("; indistinguishable: ").append(String.join(", ", tied));
            }
            if (!worse.isEmpty()) {
                line.append("; worse: ").append(String.join(", ", worse));
            }
        }
        if (!notOk.isEmpty()) {
            line.append("; not ok on every seed: ").append(String.join(", ", notOk));
        }
        return line.toString();
    }

    /** {@code 0.414 [0.401, 0.428] over 3 seeds}, or without the interval and saying why. */
    static String valueWithInterval(Stat s) {
        String v = Labels.sig(s.mean(), 3);
        return s.ciLow() == null ? v + " over " + count(s.n(), "seed") + " (no interval with fewer than "
                + SeedInterval.MIN_SEEDS + " seeds)"
                : v + " [" + Labels.sig(s.ciLow(), 3) + ", " + Labels.sig(s.ciHigh(), 3) + "] over " + count(s.n(), "seed");
    }

    static String range(Double lo, Double hi) {
        if (lo == null) {
            return "–";
        }
        return lo.equals(hi) ? Labels.num(lo) : Labels.num(lo) + " to " + Labels.num(hi);
    }

    /** {@code 1 seed}, {@code 3 seeds}. */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String names(List<String> names, int shown) {
        String head = String.join("; ", names.subList(0, Math.min(shown, names.size())));
        return names.size() > shown ? head + " and " + (names.size() - shown) + " more" : head;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
