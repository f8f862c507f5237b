package io.lrsweep.core.sweep;

import io.lrsweep.core.train.FusionKey;
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
    void everyTrialLandsInExactlyOneGroupOfTrialsThatShareAFusionKey() {
        List<TrialSpec> trials = SweepResources.parse("good", "full-grid.json").trials();
        List<List<TrialSpec>> groups = TrialGroups.of(trials, 16);
        List<String> seen = new ArrayList<>();
        Set<FusionKey> keys = new HashSet<>();
        for (List<TrialSpec> g : groups) {
            assertTrue(!g.isEmpty() && g.size() <= 16, "group size " + g.size());
            FusionKey key = FusionKey.of(g.get(0).settings(), g.get(0).seed());
            keys.add(key);
            for (TrialSpec t : g) {
                assertEquals(key, FusionKey.of(t.settings(), t.seed()));
                seen.add(t.trialId());
            }
        }
        assertEquals(trials.size(), seen.size());
        assertEquals(trials.size(), new HashSet<>(seen).size());
        // Only the last group of each key may be short: no more groups than needed.
        int needed = 0;
        for (FusionKey k : keys) {
            long n = trials.stream().filter(t -> FusionKey.of(t.settings(), t.seed()).equals(k)).count();
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
    void aGroupSizeBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrialGroups.of(List.of(), 0));
    }
}
