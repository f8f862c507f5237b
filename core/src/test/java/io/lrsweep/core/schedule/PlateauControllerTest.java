package io.lrsweep.core.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives ReduceLROnPlateau epoch by epoch and checks every state field. */
class PlateauControllerTest {

    private static void expect(PlateauController c, double best, int wait, int cooldown, double lr) {
        assertEquals(best, c.best(), 0.0, "best");
        assertEquals(wait, c.waitCount(), "wait");
        assertEquals(cooldown, c.cooldownCounter(), "cooldown_counter");
        assertEquals(lr, c.learningRate(), 0.0, "lr");
    }

    @Test
    void referenceScenarioWithCooldownAndMinLr() {
        // lr0 0.01, factor 0.1, patience 2, min_delta 1e-4, cooldown 1, min_lr 1e-4
        PlateauController c = new PlateauController(new PlateauSpec(Monitor.VAL_LOSS, 0.1, 2, 1e-4, 1, 1e-4), 0.01);
        c.onEpochEnd(1.0);      // improves on +inf
        expect(c, 1.0, 0, 0, 0.01);
        c.onEpochEnd(0.9);      // improves by more than min_delta
        expect(c, 0.9, 0, 0, 0.01);
        c.onEpochEnd(0.9);      // no improvement: wait 1
        expect(c, 0.9, 1, 0, 0.01);
        c.onEpochEnd(0.95);     // wait 2 >= patience: cut to 0.001, cooldown 1, wait 0
        expect(c, 0.9, 0, 1, 0.001);
        c.onEpochEnd(0.89995);  // cooldown ticks 1 -> 0 and resets wait; 0.89995 is not below 0.9 - 1e-4,
        expect(c, 0.9, 1, 0, 0.001);  // and the counter is 0 by the time of the check, so wait becomes 1
        c.onEpochEnd(0.8);      // improvement
        expect(c, 0.8, 0, 0, 0.001);
        c.onEpochEnd(0.81);
        expect(c, 0.8, 1, 0, 0.001);
        c.onEpochEnd(0.82);     // second bad epoch: cut to max(0.0001, min_lr)
        expect(c, 0.8, 0, 1, Math.max(0.001 * 0.1, 1e-4));
        c.onEpochEnd(0.83);     // cooldown
        expect(c, 0.8, 1, 0, Math.max(0.001 * 0.1, 1e-4));
        assertEquals(2, c.reductions());
    }

    @Test
    void matchesReferenceFileEpochByEpoch() throws IOException {
        JsonNode plateau;
        try (InputStream in = getClass().getResourceAsStream("/reference/optimizer-golden.json")) {
            plateau = new ObjectMapper().readTree(in).get("plateau");
        }
        JsonNode s = plateau.get("settings");
        PlateauController c = new PlateauController(new PlateauSpec(Monitor.VAL_LOSS, s.get("factor").asDouble(),
                s.get("patience").asInt(), s.get("min_delta").asDouble(), s.get("cooldown").asInt(), s.get("min_lr").asDouble()),
                s.get("lr0").asDouble());
        JsonNode losses = plateau.get("val_loss_per_epoch");
        JsonNode lrs = plateau.get("lr_after_each_epoch");
        for (int e = 0; e < losses.size(); e++) {
            double lr = c.onEpochEnd(losses.get(e).asDouble());
            assertEquals(lrs.get(e).asDouble(), lr, 1e-18, "lr after epoch " + (e + 1));
        }
        assertEquals(2, c.reductions());
    }

    @Test
    void patienceCountsNonImprovingEpochsAndMinLrStopsCuts() {
        PlateauController c = new PlateauController(new PlateauSpec(Monitor.VAL_LOSS, 0.5, 3, 0.0, 0, 0.2), 1.0);
        c.onEpochEnd(1.0);
        for (int i = 1; i <= 2; i++) {
            c.onEpochEnd(1.0);
            expect(c, 1.0, i, 0, 1.0);
        }
        c.onEpochEnd(1.0);                 // third non-improving epoch: cut
        expect(c, 1.0, 0, 0, 0.5);
        for (int i = 0; i < 3; i++) {
            c.onEpochEnd(2.0);
        }
        expect(c, 1.0, 0, 0, 0.25);
        for (int i = 0; i < 3; i++) {
            c.onEpochEnd(2.0);
        }
        expect(c, 1.0, 0, 0, 0.2);         // max(0.125, min_lr 0.2)
        for (int i = 0; i < 5; i++) {
            c.onEpochEnd(2.0);
        }
        assertEquals(0.2, c.learningRate(), 0.0, "no cut once lr is at min_lr");
        assertEquals(5, c.waitCount(), "wait keeps counting at min_lr");
        assertEquals(3, c.reductions());
    }

    @Test
    void minDeltaDecidesWhatCountsAsImprovement() {
        PlateauController c = new PlateauController(new PlateauSpec(Monitor.VAL_LOSS, 0.1, 1, 0.1, 0, 0.0), 0.1);
        c.onEpochEnd(1.0);
        c.onEpochEnd(0.95);                // better, but by less than min_delta: cut at once (patience 1)
        expect(c, 1.0, 0, 0, 0.1 * 0.1);
        c.onEpochEnd(0.85);                // below 1.0 - 0.1: improvement
        assertEquals(0.85, c.best(), 0.0);
    }

    @Test
    void accuracyMonitorWantsHigherValues() {
        PlateauController c = new PlateauController(new PlateauSpec(Monitor.VAL_ACCURACY, 0.1, 1, 0.0, 0, 0.0), 0.1);
        c.onEpochEnd(0.5);
        expect(c, 0.5, 0, 0, 0.1);
        c.onEpochEnd(0.6);
        expect(c, 0.6, 0, 0, 0.1);
        c.onEpochEnd(0.55);
        assertEquals(0.1 * 0.1, c.learningRate(), 0.0);
    }

    @Test
    void nanNeverImproves() {
        PlateauController c = new PlateauController(new PlateauSpec(Monitor.VAL_LOSS, 0.1, 1, 0.0, 0, 0.0), 0.1);
        c.onEpochEnd(1.0);
        c.onEpochEnd(Double.NaN);
        assertEquals(1.0, c.best(), 0.0);
        assertEquals(1, c.reductions());
    }

    @Test
    void invalidSettingsAreRefusedWithTheFieldNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PlateauSpec(Monitor.VAL_LOSS, 1.0, 2, 0, 0, 0))
                .getMessage().contains("plateau.factor"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PlateauSpec(Monitor.VAL_LOSS, 0.1, -1, 0, 0, 0))
                .getMessage().contains("patience"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Monitor.fromLabel("acc"))
                .getMessage().contains("[val_loss, loss, val_accuracy, accuracy]"));
    }

    @Test
    void schedulesGiveTheirFactors() {
        // Epoch-wise kinds read the epoch t / U: with U = 4 updates per epoch, update 39 is in epoch 9.
        Schedule step = new Schedule.StepDecay(0.5, 10);
        assertEquals(1.0, step.factor(0, 4, 400), 0.0);
        assertEquals(1.0, step.factor(39, 4, 400), 0.0);
        assertEquals(0.5, step.factor(40, 4, 400), 0.0);
        assertEquals(0.25, step.factor(103, 4, 400), 0.0);
        Schedule exp = new Schedule.ExponentialDecay(0.9);
        assertEquals(1.0, exp.factor(3, 4, 400), 0.0);
        assertEquals(0.9 * 0.9 * 0.9, exp.factor(12, 4, 400), 1e-15);
        assertEquals(1.0, new Schedule.Constant().factor(123, 4, 400), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new Schedule.StepDecay(0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new Schedule.ExponentialDecay(1.5));
    }
}
