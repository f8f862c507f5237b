package io.lrsweep.job.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warnings for U-curves that end at the grid's edge: when a setup's best learning rate is the
 * smallest or largest swept, the other side of the U was never seen and the true best may lie
 * beyond; when only its basin reaches the edge, the basin's extent is unknown. Each warning names
 * the learning rates to add, continuing the grid's own spacing at that end (two steps beyond the
 * best, one beyond a basin). Setups that share the advice share the warning.
 */
public final class EdgeWarnings {
    /** Setups named in a warning before "and N more". */
    static final int NAMED = 3;

    private EdgeWarnings() {}

    /** @param name how a setup is named in the warning */
    public static List<String> of(List<UCurveSummary> ucurves, java.util.function.Function<UCurveSummary, String> name) {
        Map<String, List<String>> bySentence = new LinkedHashMap<>();
        for (UCurveSummary u : ucurves) {
            if (u.bestLr() == null || u.lrs().size() < 2) {
                continue;
            }
            List<Double> lrs = u.lrs();
            double low = lrs.get(0);
            double high = lrs.get(lrs.size() - 1);
            double down = lrs.get(0) / lrs.get(1);
            double up = high / lrs.get(lrs.size() - 2);
            String sentence = null;
            if ("largest".equals(u.bestEdge()) || "both".equals(u.bestEdge())) {
                sentence = "the best lr is the largest swept (" + Labels.num(high) + "): the U's right side was never seen; add "
                        + Labels.sig(high * up, 3) + " and " + Labels.sig(high * up * up, 3) + " to grid.learning_rate";
            } else if ("smallest".equals(u.bestEdge())) {
                sentence = "the best lr is the smallest swept (" + Labels.num(low) + "): the U's left side was never seen; add "
                        + Labels.sig(low * down, 3) + " and " + Labels.sig(low * down * down, 3) + " to grid.learning_rate";
            } else if (u.basinEdge() != null) {
                boolean top = !"smallest".equals(u.basinEdge());
                sentence = "the basin reaches the " + (top ? "largest" : "smallest") + " lr swept (" + Labels.num(top ? high : low)
                        + "), so where it ends is unknown; add " + Labels.sig(top ? high * up : low * down, 3)
                        + " to grid.learning_rate";
            }
            if (sentence != null) {
                bySentence.computeIfAbsent(sentence, k -> new ArrayList<>()).add(name.apply(u));
            }
        }
        List<String> out = new ArrayList<>();
        bySentence.forEach((sentence, setups) -> out.add(names(setups) + ": " + sentence));
        return out;
    }

    private static String names(List<String> setups) {
        List<String> named = setups.subList(0, Math.min(NAMED, setups.size()));
        String more = setups.size() > NAMED ? " and " + (setups.size() - NAMED) + " more setups" : "";
        return String.join("; ", named) + more;
    }
}
