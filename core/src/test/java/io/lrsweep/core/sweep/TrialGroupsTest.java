package io.lrsweep.core.sweep;

import io.lrsweep.core.train.GroupKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrialGroupsTest {

    @Test
    void everyTrialLandsInExactlyOneGroupOfTrialsThatShareAGroupKey() {
        List<TrialSpec> trials = SweepResources.parse("good", "full-grid.json").trials();
        List<List<TrialSpec>> groups = TrialGroups.of(trials, 16);
        List<String> seen = new ArrayList<>();
        Set<GroupKey> keys = new HashSet<>();
        for (List<TrialSpec> g : groups) {
            assertTrue(!g.isEmpty() && g.size() <= 16, "group size " + g.size());
            GroupKey key = GroupKey.of(g.get(0).settings(), g.get(0).seed());
            keys.add(key);
            for (TrialSpec t : g) {
                assertEquals(key, GroupKey.of(t.settings(), t.seed()));
                seen.add(t.trialId());
            }
        }
        assertEquals(trials.size(), seen.size());
        assertEquals(trials.size(), new HashSet<>(seen).size());
        // Only the last group of each key may be short: no more groups than needed.
        int needed = 0;
        for (GroupKey k : keys) {
            long n = trials.stream().filter(t -> GroupKey.of(t.settings(), t.seed()).equals(k)).count();
            needed += (int) ((n + 15) / 16);
        }
        assertEquals(needed, groups.size());
        assertEquals(3, keys.size(), "full-grid differs only in its 3 seeds among the fusion key's settings");
    }

    @Test
    void groupsKeepTheTrialsInTheirOrder() {
        List<TrialSpec> trials = SweepResources.parse("good", "full-grid.json").trials();
        for (List<TrialSpec> g : TrialGroups.of(trials, 7)) {
            for (int i = 1; i < g.size(); i++) {
                assertTrue(g.get(i - 1).index() < g.get(i).index());
            }
        }
    }

    @Test
    void groupedOrderPutsEachKeysTrialsTogetherAndKeepsEveryTrial() {
        // learning-rate x 3 seeds: the seed varies fastest in expansion order.
        List<TrialSpec> trials = SweepResources.parse("good", "full-grid.json").trials();
        List<TrialSpec> ordered = TrialGroups.groupedOrder(trials);
        assertEquals(trials.size(), ordered.size());
        assertEquals(new HashSet<>(trials), new HashSet<>(ordered));
        int changes = 0;
        for (int i = 1; i < ordered.size(); i++) {
            if (!GroupKey.of(ordered.get(i).settings(), ordered.get(i).seed())
                    .equals(GroupKey.of(ordered.get(i - 1).settings(), ordered.get(i - 1).seed()))) {
                changes++;
            }
        }
        assertEquals(2, changes, "3 keys, each one contiguous run");
        // A wave cut from the ordered list holds full groups of 16 of one key; cut from the
        // expansion order, where the seed varies fastest, the same slice mixes every seed.
        GroupKey first = GroupKey.of(ordered.get(0).settings(), ordered.get(0).seed());
        long firstKeyTrials = ordered.stream().filter(t -> GroupKey.of(t.settings(), t.seed()).equals(first)).count();
        int wave = (int) Math.min(firstKeyTrials, 96) / 16 * 16;
        assertTrue(wave >= 32, "enough trials per key for the check: " + firstKeyTrials);
        List<List<TrialSpec>> groups = TrialGroups.of(ordered.subList(0, wave), 16);
        assertEquals(wave / 16, groups.size());
        groups.forEach(g -> assertEquals(16, g.size()));
        long keysInExpansionSlice = trials.subList(0, wave).stream().map(t -> GroupKey.of(t.settings(), t.seed())).distinct().count();
        assertEquals(3, keysInExpansionSlice, "in expansion order a slice mixes the 3 seeds");
    }

    @Test
    void aGroupSizeBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrialGroups.of(List.of(), 0));
    }
}
