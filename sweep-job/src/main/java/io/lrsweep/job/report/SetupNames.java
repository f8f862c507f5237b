package io.lrsweep.job.report;

import io.lrsweep.job.analysis.AnalysisResult;
import io.lrsweep.job.analysis.SettingAxes;
import io.lrsweep.job.analysis.SettingAxis;
import io.lrsweep.job.analysis.SettingSummary;
import io.lrsweep.job.analysis.UCurveSummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Legend names for the setups a figure shows, without the parts every one of them shares: those
 * go once into the figure's subtitle ({@link #shared()}). "sgd, momentum 0.9" and "sgd, momentum 0"
 * become "momentum 0.9" and "momentum 0" under "sgd".
 */
final class SetupNames {
    private final List<SettingAxis> differing;
    private final String shared;

    private SetupNames(List<SettingAxis> differing, String shared) {
        this.differing = differing;
        this.shared = shared;
    }

    static SetupNames of(List<UCurveSummary> shown, List<SettingAxis> varying) {
        List<SettingAxis> differing = new ArrayList<>();
        List<SettingAxis> same = new ArrayList<>();
        for (SettingAxis a : SettingAxes.ALL) {
            if (a == SettingAxes.LEARNING_RATE || !(varying.contains(a) || a == SettingAxes.OPTIMIZER)) {
                continue;
            }
            Set<Object> values = new HashSet<>();
            shown.forEach(u -> values.add(u.setting().get(a)));
            (values.size() > 1 ? differing : same).add(a);
        }
        if (differing.isEmpty()) {
            differing.add(SettingAxes.OPTIMIZER);
            same.remove(SettingAxes.OPTIMIZER);
        }
        return new SetupNames(differing, shown.isEmpty() ? "" : shown.get(0).setting().spoken(same));
    }

    String of(UCurveSummary u) {
        String name = u.setting().spoken(differing);
        return name.isEmpty() ? u.setting().spoken(List.of(SettingAxes.OPTIMIZER)) : name;
    }

    /** What every shown setup shares, as said ({@code sgd, decay 0}); empty when nothing is shared. */
    String shared() {
        return shared;
    }

    /** A setup's settings along the learning rate, smallest first. */
    static List<SettingSummary> along(UCurveSummary u, AnalysisResult r) {
        List<Object> key = u.setting().without(List.of(SettingAxes.LEARNING_RATE));
        List<SettingSummary> out = new ArrayList<>(r.summaries().values().stream()
                .filter(s -> s.setting().without(List.of(SettingAxes.LEARNING_RATE)).equals(key)).toList());
        out.sort(Comparator.comparingDouble(s -> s.setting().learningRate()));
        return out;
    }
}
