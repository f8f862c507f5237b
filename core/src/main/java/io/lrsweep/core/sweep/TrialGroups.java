package io.lrsweep.core.sweep;

import io.lrsweep.core.train.Engine;
import io.lrsweep.core.train.GroupKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a list of trials into the groups a sweep trains as units: trials that share a
 * {@link GroupKey} (model, batch size, shuffle, seed), in their order of first appearance, at
 * most {@code maxPerGroup} per group. A group is what {@link Engine} trains together and
 * what the sweep job sends to an executor as one task, so that a task is long enough for its
 * scheduling and its Parquet file to cost little next to the training.
 */
public final class TrialGroups {
    /**
     * Trials per group a sweep sends to an executor as one task: long enough that scheduling a
     * task and writing its file cost little next to the training, short enough that a lost
     * executor costs little and the waves stay balanced.
     */
    public static final int MAX_PER_GROUP = 16;

    private TrialGroups() {}

    /**
     * The same trials with those that share a group key next to each other (keys in order of
     * first appearance, trials in their order within a key). A sweep runs its pending trials in
     * this order, so that a wave, a slice of it, holds whole groups: in expansion order the seed
     * varies fastest, and a wave of a sweep with many seeds would otherwise hold one trial per key.
     */
    public static List<TrialSpec> groupedOrder(List<TrialSpec> trials) {
        Map<GroupKey, List<TrialSpec>> byKey = new LinkedHashMap<>();
        for (TrialSpec t : trials) {
            byKey.computeIfAbsent(GroupKey.of(t.settings(), t.seed()), k -> new ArrayList<>()).add(t);
        }
        List<TrialSpec> ordered = new ArrayList<>(trials.size());
        for (List<TrialSpec> same : byKey.values()) {
            ordered.addAll(same);
        }
        return ordered;
    }

    public static List<List<TrialSpec>> of(List<TrialSpec> trials, int maxPerGroup) {
        if (maxPerGroup < 1) {
            throw new IllegalArgumentException("maxPerGroup must be >= 1, got " + maxPerGroup);
        }
        Map<GroupKey, List<TrialSpec>> byKey = new LinkedHashMap<>();
        for (TrialSpec t : trials) {
            byKey.computeIfAbsent(GroupKey.of(t.settings(), t.seed()), k -> new ArrayList<>()).add(t);
        }
        List<List<TrialSpec>> groups = new ArrayList<>();
        for (List<TrialSpec> same : byKey.values()) {
            for (int from = 0; from < same.size(); from += maxPerGroup) {
                // A copy, not a subList view: groups are serialised to executors.
                groups.add(new ArrayList<>(same.subList(from, Math.min(same.size(), from + maxPerGroup))));
            }
        }
        return groups;
    }
}
