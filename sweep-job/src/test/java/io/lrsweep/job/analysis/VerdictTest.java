package io.lrsweep.job.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verdict's lines on hand-made sweeps: setups with the same readings share a line; few seeds are said. */
class VerdictTest {

    @Test
    void setupsWithTheSameResultsShareALine() {
        HandMadeSweep s = new HandMadeSweep();
        for (int seed = 0; seed < 3; seed++) {
            for (double lr : new double[]{1e-3, 1e-2, 1e-1}) {
                double loss = lr == 1e-2 ? 0.4 + 0.01 * seed : 0.6 + 0.01 * seed;
                // Two setups by momentum with the very same losses, a third with others.
                s.trial("sgd", lr, 0.0, seed, "ok", loss, 1.1);
                s.trial("sgd", lr, 0.5, seed, "ok", loss, 1.1);
                s.trial("sgd", lr, 0.9, seed, "ok", loss + 0.05, 1.1);
            }
        }
        Verdict v = Verdict.of(s.analyse());
        assertEquals(2, v.setups().size(), v.setups().toString());
        assertTrue(v.setups().get(0).startsWith("sgd, momentum 0 (the same results with momentum 0.5): use lr 0.01"),
                v.setups().get(0));
        assertTrue(v.setups().get(1).startsWith("sgd, momentum 0.9: use lr 0.01"), v.setups().get(1));
    }

    @Test
    void oneSeedGivesNoIntervalAndSaysSo() {
        HandMadeSweep s = new HandMadeSweep();
        for (double lr : new double[]{1e-3, 1e-2, 1e-1}) {
            s.trial("sgd", lr, 0.0, 0, "ok", lr == 1e-2 ? 0.4 : 0.6, 1.1);
        }
        Verdict v = Verdict.of(s.analyse());
        assertEquals("sgd, lr 0.01: val_loss 0.4 over 1 seed (no interval with fewer than 3 seeds)", v.best());
        assertEquals("ties not tested: fewer than 3 seeds", v.ties());
        assertTrue(v.setups().get(0).contains("ties untested (fewer than 3 seeds)"), v.setups().toString());
        assertTrue(v.warnings().contains("fewer than 3 seeds: no intervals and no test of ties are given; run with --seeds 3 "
                + "or more"), v.warnings().toString());
        assertEquals(List.of(), v.axes(), "the lr is read along the U-curve, not as an axis line");
    }
}
