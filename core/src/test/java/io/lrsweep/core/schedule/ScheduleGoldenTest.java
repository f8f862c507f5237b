package io.lrsweep.core.schedule;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every schedule kind's factor at hand-worked updates, the edges of its phases included (t = 0,
 * W - 1, W, T - D, T - 1), then at every update of a few runs against the formulas of issue 13 and
 * PyTorch's schedulers, written out again independently below (plain Math, Python's order of
 * operations) and agreeing to 1e-12.
 */
class ScheduleGoldenTest {
    private static final double EXACT = 1e-15;

    @Test
    void cosineByHand() {
        // w = 2 epochs of U = 4 updates: W = 8; T = 40 (10 epochs); m = 0.1
        Cosine c = new Cosine(2, 0.1);
        assertEquals(1.0 / 8.0, c.factor(0, 4, 40), EXACT, "t = 0: (0 + 1) / W");
        assertEquals(4.0 / 8.0, c.factor(3, 4, 40), EXACT);
        assertEquals(1.0, c.factor(7, 4, 40), EXACT, "t = W - 1: the warm-up's last update at the full rate");
        assertEquals(1.0, c.factor(8, 4, 40), EXACT, "t = W: cos(0) = 1");
        assertEquals(0.1 + 0.9 * 0.5, c.factor(24, 4, 40), 1e-15, "halfway through the 32 annealed updates: cos(pi/2) = 0");
        // t = T - 1: (t - W) / (T - W) = 31/32, cos(31 pi / 32) = -cos(pi / 32)
        assertEquals(0.1 + 0.9 * (1.0 - Math.cos(Math.PI / 32.0)) / 2.0, c.factor(39, 4, 40), 1e-15);
        assertEquals(0.10216687299751, c.factor(39, 4, 40), 1e-13, "just above the floor at the last update");
        Cosine plain = new Cosine(0, 0.0);
        assertEquals(1.0, plain.factor(0, 16, 3200), 0.0, "no warm-up: the first update at the full rate");
        assertEquals(0.5, plain.factor(1600, 16, 3200), 1e-15);
    }

    @Test
    void wsdByHand() {
        // W = 1 epoch of U = 4 = 4 updates; T = 40; D = round(0.25 x 40) = 10, so T - D = 30
        WarmupStableDecay s = new WarmupStableDecay(1, 0.25, 0.0);
        assertEquals(0.25, s.factor(0, 4, 40), EXACT, "t = 0");
        assertEquals(1.0, s.factor(3, 4, 40), EXACT, "t = W - 1");
        assertEquals(1.0, s.factor(4, 4, 40), EXACT, "t = W: stable");
        assertEquals(1.0, s.factor(29, 4, 40), EXACT, "t = T - D - 1: still stable");
        assertEquals(0.9, s.factor(30, 4, 40), EXACT, "t = T - D: the first decay update, 1 - 1/D");
        assertEquals(0.4, s.factor(35, 4, 40), 1e-15, "1 - 6/10");
        assertEquals(0.0, s.factor(39, 4, 40), EXACT, "t = T - 1: down to m = 0");
        WarmupStableDecay floor = new WarmupStableDecay(0, 0.25, 0.1);
        assertEquals(1.0, floor.factor(0, 4, 40), EXACT, "no warm-up");
        assertEquals(1.0 - 0.9 / 10.0, floor.factor(30, 4, 40), EXACT);
        assertEquals(0.1, floor.factor(39, 4, 40), 1e-15, "t = T - 1: m");
        assertEquals(11, floor.decayUpdates(42), "q T = 10.5 rounds half up");
        assertEquals(10, floor.decayUpdates(41), "q T = 10.25");
    }

    @Test
    void oneCycleByHand() {
        OneCycle o = OneCycle.pytorchDefaults();
        // T = 100: phase 1 ends at step 0.3 x 100 - 1 = 29
        assertEquals(1.0 / 25.0, o.factor(0, 10, 100), EXACT, "t = 0: max_lr / div_factor");
        assertEquals(1.0, o.factor(29, 10, 100), EXACT, "t = 29: the peak");
        double min = 1.0 / 25.0 / 1e4;
        assertEquals(min, o.factor(99, 10, 100), 1e-20, "t = T - 1: initial / final_div_factor = 4e-6");
        assertEquals((1.0 + min) / 2.0, o.factor(64, 10, 100), 1e-15, "halfway down: (64 - 29) / (99 - 29) = 0.5");
        // halfway up falls between steps; at t = 10: pct = 10/29
        double pct = 10.0 / 29.0;
        assertEquals(1.0 + (0.04 - 1.0) / 2.0 * (Math.cos(Math.PI * pct) + 1.0), o.factor(10, 10, 100), 1e-15);
        // pct_start x T not an integer: T = 45, phase 1 ends at step 12.5
        assertEquals(1.0 + (0.04 - 1.0) / 2.0 * (Math.cos(Math.PI * 12.0 / 12.5) + 1.0), o.factor(12, 5, 45), 1e-15);
        assertEquals(min + (1.0 - min) / 2.0 * (Math.cos(Math.PI * 0.5 / 31.5) + 1.0), o.factor(13, 5, 45), 1e-15,
                "the first falling step: (13 - 12.5) / (44 - 12.5)");
    }

    @Test
    void triangularByHand() {
        // b = 0.1, s = 1 epoch of U = 4: up over 4 updates, down over 4
        Triangular c = new Triangular(0.1, 1.0);
        assertEquals(0.1, c.factor(0, 4, 40), EXACT, "t = 0: base_lr");
        assertEquals(0.55, c.factor(2, 4, 40), EXACT, "x = 0.25: half way up");
        assertEquals(1.0, c.factor(4, 4, 40), EXACT, "t = s U: max_lr");
        assertEquals(0.55, c.factor(6, 4, 40), EXACT, "half way down");
        assertEquals(0.1, c.factor(8, 4, 40), EXACT, "t = 2 s U: base_lr again");
        assertEquals(0.325, c.factor(9, 4, 40), 1e-15, "second cycle");
        // s = 0.5 epoch of U = 3: step size 1.5 updates (a float, as PyTorch allows)
        Triangular half = new Triangular(0.1, 0.5);
        assertEquals(0.1 + 0.9 * (1.0 / 3.0) / 0.5, half.factor(1, 3, 30), 1e-15);
        assertEquals(0.1 + 0.9 * (2.0 / 3.0 - 1.0) / (0.5 - 1.0), half.factor(2, 3, 30), 1e-15, "x = 2/3: on the way down");
    }

    @Test
    void epochWiseKindsAsBefore() {
        assertEquals(0.25, new Schedule.StepDecay(0.5, 10).factor(20 * 16, 16, 3200), 0.0);
        assertEquals(0.5, new Schedule.StepDecay(0.5, 10).factor(20 * 16 - 1, 16, 3200), 0.0, "the epoch's last update");
        assertEquals(StrictMath.pow(0.9, 3), new Schedule.ExponentialDecay(0.9).factor(3 * 16 + 15, 16, 3200), 0.0);
    }

    @Test
    void everyUpdateAgreesWithTheFormulas() {
        long[][] runs = {{1, 1}, {4, 10}, {16, 200}, {16, 7}, {3, 13}, {7, 50}};
        for (long[] run : runs) {
            long u = run[0];
            long t = u * run[1];
            int epochs = (int) run[1];
            for (int w : new int[]{0, 1, 3}) {
                if (w >= epochs) {
                    continue;
                }
                for (double m : new double[]{0.0, 0.1}) {
                    Cosine c = new Cosine(w, m);
                    for (long i = 0; i < t; i++) {
                        assertEquals(cosine(i, w * u, t, m), c.factor(i, u, t), 1e-12, c + " t=" + i);
                    }
                    for (double q : new double[]{0.1, 0.5, 1.0 - (double) w / epochs}) {
                        WarmupStableDecay s = new WarmupStableDecay(w, q, m);
                        long d = Math.round(q * t);
                        if (d < 1 || w * u > t - d) {
                            continue;
                        }
                        for (long i = 0; i < t; i++) {
                            assertEquals(wsd(i, w * u, t, d, m), s.factor(i, u, t), 1e-12, s + " t=" + i);
                        }
                    }
                }
            }
            for (double[] p : new double[][]{{0.3, 25, 1e4}, {0.25, 10, 100}, {0.0, 25, 1e4}, {1.0, 25, 1e4}, {0.5, 1, 1}}) {
                OneCycle o = new OneCycle(p[0], p[1], p[2]);
                if (p[0] * t - 1 == 0) {
                    continue;
                }
                for (long i = 0; i < t; i++) {
                    assertEquals(oneCycleLr(0.7, t, p[0], p[1], p[2], i) / 0.7, o.factor(i, u, t), 1e-12, o + " t=" + i);
                }
            }
            for (double[] p : new double[][]{{0.1, 1}, {0.0, 2}, {0.5, 0.5}, {1.0, 3}}) {
                Triangular c = new Triangular(p[0], p[1]);
                for (long i = 0; i < t; i++) {
                    assertEquals(cyclicLr(0.7 * p[0], 0.7, p[1] * u, i) / 0.7, c.factor(i, u, t), 1e-12, c + " t=" + i);
                }
            }
        }
    }

    /** Issue 13: (t+1)/W for t < W, else m + (1-m) (1 + cos(pi (t-W)/(T-W))) / 2. */
    private static double cosine(long t, long w, long total, double m) {
        return t < w ? (t + 1.0) / w : m + (1 - m) * (1 + Math.cos(Math.PI * (t - w) / (total - w))) / 2;
    }

    /** Issue 13: (t+1)/W for t < W, 1 until T-D, then 1 - (1-m) (t - (T-D) + 1) / D. */
    private static double wsd(long t, long w, long total, long d, double m) {
        if (t < w) {
            return (t + 1.0) / w;
        }
        return t < total - d ? 1.0 : 1 - (1 - m) * (t - (total - d) + 1.0) / d;
    }

    /** torch.optim.lr_scheduler.OneCycleLR.get_lr (two phases, cos), at last_epoch = step, in absolute lr. */
    private static double oneCycleLr(double maxLr, long totalSteps, double pctStart, double div, double finalDiv, long step) {
        double initialLr = maxLr / div;
        double minLr = initialLr / finalDiv;
        double[][] phases = {{pctStart * totalSteps - 1, initialLr, maxLr}, {totalSteps - 1, maxLr, minLr}};
        double startStep = 0;
        for (int i = 0; i < phases.length; i++) {
            double endStep = phases[i][0];
            if (step <= endStep || i == phases.length - 1) {
                double pct = (step - startStep) / (endStep - startStep);
                double cosOut = Math.cos(Math.PI * pct) + 1;
                return phases[i][2] + (phases[i][1] - phases[i][2]) / 2.0 * cosOut;
            }
            startStep = endStep;
        }
        throw new AssertionError();
    }

    /** torch.optim.lr_scheduler.CyclicLR.get_lr, mode triangular, step_size_down = step_size_up, at last_epoch = step. */
    private static double cyclicLr(double baseLr, double maxLr, double stepSizeUp, long step) {
        double totalSize = stepSizeUp + stepSizeUp;
        double stepRatio = stepSizeUp / totalSize;
        double cycle = Math.floor(1 + step / totalSize);
        double x = 1.0 + step / totalSize - cycle;
        double scale = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
        return baseLr + (maxLr - baseLr) * scale;
    }

    @Test
    void textStartsWithTheKindAndWritesNumbersAsPeopleDo() {
        assertEquals("constant", new Schedule.Constant().text());
        assertEquals("step(drop_factor=0.5,every_epochs=10)", new Schedule.StepDecay(0.5, 10).text());
        assertEquals("exponential(rate=0.99)", new Schedule.ExponentialDecay(0.99).text());
        assertEquals("cosine(warmup_epochs=5,min_factor=0)", new Cosine(5, 0.0).text());
        assertEquals("wsd(warmup_epochs=0,decay_fraction=0.2,min_factor=0.001)", new WarmupStableDecay(0, 0.2, 0.001).text());
        assertEquals("one_cycle(pct_start=0.3,div_factor=25,final_div_factor=10000)", OneCycle.pytorchDefaults().text());
        assertEquals("triangular(base_factor=0.1,step_epochs=2.5)", new Triangular(0.1, 2.5).text());
        assertEquals("wsd(warmup_epochs=1,decay_fraction=0.1,min_factor=1e-5)", new WarmupStableDecay(1, 0.1, 1e-5).text());
        assertEquals("one_cycle(pct_start=0.25,div_factor=2.5e-4,final_div_factor=100000000000000000000)",
                new OneCycle(0.25, 2.5e-4, 1e20).text());
    }

    @Test
    void kindsFillDefaultsAndRefuseWhatIsMissingOrUnknown() {
        assertEquals(new Cosine(0, 0.0), ScheduleKind.COSINE.create(Map.of()));
        assertEquals(OneCycle.pytorchDefaults(), ScheduleKind.ONE_CYCLE.create(Map.of()));
        assertEquals(new WarmupStableDecay(0, 0.2, 0.0), ScheduleKind.WSD.create(Map.of("decay_fraction", 0.2)));
        assertEquals(List.of("constant", "step", "exponential", "cosine", "wsd", "one_cycle", "triangular"), ScheduleKind.LABELS);
        assertMessage("decay_fraction is required for schedule kind wsd", () -> ScheduleKind.WSD.create(Map.of()));
        assertMessage("step_epochs is required", () -> ScheduleKind.TRIANGULAR.create(Map.of("base_factor", 0.1)));
        assertMessage("rate is not a parameter of schedule kind cosine", () -> ScheduleKind.COSINE.create(Map.of("rate", 0.5)));
        for (ScheduleKind k : ScheduleKind.values()) {
            assertEquals(k.keys(), List.copyOf(ScheduleKindDefaults.example(k).parameters().keySet()), k.label);
            assertEquals(k, ScheduleKind.named(k.label));
        }
    }

    @Test
    void parametersAreValidatedWithTheirRanges() {
        assertMessage("warmup_epochs must be an integer >= 0, got -1", () -> new Cosine(-1, 0.0));
        assertMessage("min_factor must be in [0, 1], got 1.5", () -> new Cosine(0, 1.5));
        assertMessage("decay_fraction must be in (0, 1], got 0.0", () -> new WarmupStableDecay(0, 0.0, 0.0));
        assertMessage("pct_start must be in [0, 1], got 1.2", () -> new OneCycle(1.2, 25, 1e4));
        assertMessage("div_factor must be a finite number > 0, got 0.0", () -> new OneCycle(0.3, 0, 1e4));
        assertMessage("final_div_factor must be a finite number > 0, got Infinity",
                () -> new OneCycle(0.3, 25, Double.POSITIVE_INFINITY));
        assertMessage("base_factor must be in [0, 1], got -0.5", () -> new Triangular(-0.5, 1));
        assertMessage("step_epochs must be a finite number > 0, got NaN", () -> new Triangular(0.1, Double.NaN));
        assertMessage("warmup_epochs must be below training.epochs (5)", () -> new Cosine(5, 0.0).checkEpochs(5));
        new Cosine(4, 0.0).checkEpochs(5);
        assertMessage("decay_fraction must leave room for the warm-up", () -> new WarmupStableDecay(2, 0.9, 0.0).checkEpochs(10));
        new WarmupStableDecay(2, 0.8, 0.0).checkEpochs(10);
        // what only the updates per epoch decide: the trial fails with the reason
        assertMessage("divides by zero", () -> new OneCycle(0.1, 25, 1e4).check(1, 10));
        new OneCycle(0.1, 25, 1e4).check(2, 20);
        assertMessage("rounds to no decay update", () -> new WarmupStableDecay(0, 0.01, 0.0).check(1, 10));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e);
        org.junit.jupiter.api.Assertions.assertTrue(x.getMessage().contains(fragment), x.getMessage());
    }
}
