package io.lrsweep.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A grid grown by refinement rounds: recorded in the resolved sweep, read back, and the old trials kept as they were. */
class RefinedGridTest {

    static SweepSpec reference() {
        return SweepResources.parse("reference", "learning-rate.json");
    }

    static Refinement.Round round1() {
        return new Refinement.Round(1, 4, 0.125, List.of(0.00251, 0.00631, 0.0158, 0.0398),
                List.of(new Refinement.Asked("sgd", 0.01, List.of(0.00251, 0.00631, 0.0158, 0.0398))));
    }

    @Test
    void aRoundAddsItsLearningRatesAfterTheGridsOwnAndKeepsEveryTrial() {
        SweepSpec base = reference();
        SweepSpec grown = RefinedGrid.withRound(base, round1());
        assertEquals(12, grown.grid().learningRates().size());
        assertEquals(base.grid().learningRates(), grown.grid().learningRates().subList(0, 8));
        assertEquals(base.trialCount() + 4 * base.seeds().size(), grown.trialCount());
        Map<String, TrialSpec> byId = new HashMap<>();
        grown.trials().forEach(t -> byId.put(t.trialId(), t));
        for (TrialSpec t : base.trials()) {
            assertEquals(t.settings(), byId.get(t.trialId()).settings(), "the old trials keep their ids and settings");
        }
        assertEquals(1, grown.refinement().roundOf(0.0158));
        assertEquals(0, grown.refinement().roundOf(0.01));
        assertEquals(1, grown.refinement().roundsOf("sgd"));
        assertEquals(base, RefinedGrid.unrefined(grown));
    }

    @Test
    void theRefinementIsWrittenInTheResolvedSweepAndReadBack() {
        SweepSpec grown = RefinedGrid.withRound(reference(), round1());
        Refinement.Round two = new Refinement.Round(2, 4, 0.125, List.of(0.0229, 0.0331),
                List.of(new Refinement.Asked("sgd", 0.0398, List.of(0.0229, 0.0331))));
        grown = RefinedGrid.withRound(grown, two);
        String json = SweepWriter.toJson(grown);
        JsonNode o = SweepWriter.toTree(grown);
        assertEquals("union", o.at("/refinement/learning_rate_axis").textValue());
        assertEquals("[0.00251,0.00631,0.0158,0.0398]", o.at("/refinement/rounds/0/learning_rate").toString());
        assertEquals(2, o.at("/refinement/rounds/1/round").intValue());
        assertEquals("sgd", o.at("/refinement/rounds/1/setups/0/setup").textValue());
        SweepSpec back = SweepParser.parse(json);
        assertEquals(grown, back);
        assertEquals(json, SweepWriter.toJson(back));
        assertTrue(SweepWriter.toTree(reference()).at("/refinement").isMissingNode(), "absent when never refined");
    }

    @Test
    void runResumeCarriesTheRefinedGridOverOnlyForTheSameSweep() {
        SweepSpec base = reference();
        SweepSpec grown = RefinedGrid.withRound(base, round1());
        assertEquals(grown, RefinedGrid.carriedOver(base, grown));
        assertNull(RefinedGrid.carriedOver(base.withSeeds(2), grown), "another sweep: the refinement does not carry over");
        assertNull(RefinedGrid.carriedOver(base, base));
    }

    @Test
    void aRefinedValueOffTheGridIsRefused() {
        ObjectNode o = SweepWriter.toTree(RefinedGrid.withRound(reference(), round1()));
        ((ArrayNode) o.at("/grid/learning_rate")).remove(8);
        SweepSpecException e = assertThrows(SweepSpecException.class, () -> SweepParser.parse(o.toString()));
        assertEquals("refinement.rounds[0].learning_rate", e.field());
        assertTrue(e.getMessage().contains("holds 0.00251, which grid.learning_rate does not"), e.getMessage());

        ObjectNode bad = SweepWriter.toTree(RefinedGrid.withRound(reference(), round1()));
        ((ObjectNode) bad.at("/refinement/rounds/0")).put("round", 2);
        e = assertThrows(SweepSpecException.class, () -> SweepParser.parse(bad.toString()));
        assertEquals("refinement.rounds[0]", e.field(), e.getMessage());

        ObjectNode unknown = SweepWriter.toTree(RefinedGrid.withRound(reference(), round1()));
        ((ObjectNode) unknown.at("/refinement")).put("status", "done");
        e = assertThrows(SweepSpecException.class, () -> SweepParser.parse(unknown.toString()));
        assertEquals("refinement.status", e.field());
    }
}
