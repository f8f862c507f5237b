package io.lrsweep.job.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transfer analysis on grids made up with a known power law: the best lr at every axis value
 * lies on the lr grid, so the fit must return the exponent exactly, and with seeds that all agree
 * the bootstrap interval must collapse onto it.
 */
class TransferTest {
    private static final double[] LRS = SyntheticGrid.powersOfTwoLrs();

    /** A U in log2(lr) around log2(best lr), the same shape for every seed (seed only shifts it a little). */
    private static double u(double lr, double bestLr, long seed) {
        double d = Math.log(lr / bestLr) / Math.log(2);
        return 0.3 + 0.01 * d * d + 1e-4 * seed;
    }

    private static TransferFit only(AnalysisResult r, TransferAxis axis) {
        List<TransferFit> fits = r.transfer().stream().filter(f -> f.axis() == axis).toList();
        assertEquals(1, fits.size(), "one setup along " + axis);
        return fits.get(0);
    }

    @Test
    void batchSizeWithBestLrAsTheSquareRootOfTheBatch() {
        // best lr = 1e-3 x 2^j at batch 4^j: best_lr ~ batch^0.5
        AnalysisResult r = new SyntheticGrid().add(SyntheticGrid.Axis.BATCH_SIZE, new double[]{1, 4, 16, 64, 256}, LRS, 3, 4,
                (lr, b, seed, e) -> u(lr, 1e-3 * Math.sqrt(b), seed)).analyse();
        TransferFit f = only(r, TransferAxis.BATCH_SIZE);
        assertEquals(5, f.points().size());
        for (TransferPoint p : f.points()) {
            assertEquals(1e-3 * Math.sqrt(p.axisValue()), p.bestLr(), 1e-15);
            assertEquals(p.bestLr(), p.bestLrLow(), 1e-15, "every resample agrees");
            assertEquals(p.bestLr(), p.bestLrHigh(), 1e-15);
        }
        assertEquals(0.5, f.exponent(), 1e-12);
        assertEquals(0.5, f.exponentLow(), 1e-12);
        assertEquals(0.5, f.exponentHigh(), 1e-12);
        assertEquals(1e-3, f.prefactor(), 1e-15);
        assertEquals(5, f.fit().points());
    }

    @Test
    void widthWithBestLrFallingAsOneOverTheWidth() {
        // best lr = 1.024 / width: 2^(10-k) x 1e-3 at width 2^k
        AnalysisResult r = new SyntheticGrid().add(SyntheticGrid.Axis.WIDTH, new double[]{8, 16, 32, 64}, LRS, 2, 3,
                (lr, w, seed, e) -> u(lr, 1.024 / w, seed)).analyse();
        TransferFit f = only(r, TransferAxis.WIDTH);
        assertEquals(-1.0, f.exponent(), 1e-12);
        assertEquals(List.of(8.0, 16.0, 32.0, 64.0), f.points().stream().map(TransferPoint::axisValue).toList());
        assertTrue(f.setup().contains("depth=1"), f.setup());
        assertTrue(r.transfer().stream().noneMatch(x -> x.axis() == TransferAxis.DEPTH), "one depth: no depth axis");
    }

    @Test
    void momentumCollapsesOntoTheEffectiveLearningRate() {
        // best lr = 0.256 (1 - momentum): the effective lr lr / (1 - momentum) is 0.256 at every momentum
        AnalysisResult r = new SyntheticGrid().add(SyntheticGrid.Axis.MOMENTUM, new double[]{0, 0.5, 0.75, 0.875}, LRS, 3, 3,
                (lr, m, seed, e) -> u(lr, 0.256 * (1 - m), seed)).analyse();
        TransferFit f = only(r, TransferAxis.MOMENTUM);
        assertEquals(1.0, f.exponent(), 1e-12, "best lr ~ (1 - momentum)^1");
        for (TransferPoint p : f.points()) {
            assertEquals(0.256, p.effective()[0], 1e-12, "effective lr at momentum " + p.axisValue());
        }
        assertNull(only(new SyntheticGrid().add(SyntheticGrid.Axis.BATCH_SIZE, new double[]{8, 32}, LRS, 1, 2,
                (lr, b, seed, e) -> u(lr, 0.01, seed)).analyse(), TransferAxis.BATCH_SIZE).points().get(0).effective());
    }

    @Test
    void epochBudgetReadsTheCurvesAtEachBudget() {
        // At epoch e = 2^j the best lr is 1e-3 x 2^(8-j): best_lr ~ epochs^-1 (a longer budget wants a smaller lr).
        AnalysisResult r = new SyntheticGrid().add(SyntheticGrid.Axis.NONE, new double[]{0}, LRS, 3, 16,
                (lr, v, seed, e) -> u(lr, 0.256 / e, seed)).analyse();
        assertEquals(List.of(1, 2, 4, 8, 16), r.digest().budgets());
        TransferFit f = only(r, TransferAxis.EPOCHS);
        assertEquals(List.of(1.0, 2.0, 4.0, 8.0, 16.0), f.points().stream().map(TransferPoint::axisValue).toList());
        assertEquals(-1.0, f.exponent(), 1e-12);
        assertEquals(-1.0, f.exponentLow(), 1e-12);
        assertEquals(-1.0, f.exponentHigh(), 1e-12);
    }

    @Test
    void aTrialThatDivergesLaterCountsAsOkAtAnEarlierBudget() {
        // Seed 0 at the largest lr diverges at epoch 8: at budgets 1..4 that lr is eligible (and best), at 8 it is not.
        SyntheticGrid g = new SyntheticGrid();
        double[] lrs = {0.01, 0.1, 1.0};
        SyntheticGrid.Loss loss = (lr, v, seed, e) -> lr == 1.0 ? 0.2 : lr == 0.1 ? 0.3 : 0.4;
        for (double lr : lrs) {
            for (long seed = 0; seed < 2; seed++) {
                g.add(SyntheticGrid.Axis.NONE, 0, lr, seed, 8, lr == 1.0 && seed == 0 ? "diverged" : "ok", loss);
            }
        }
        TransferFit f = only(g.analyse(), TransferAxis.EPOCHS);
        assertEquals(List.of(1.0, 1.0, 1.0, 0.1), f.points().stream().map(TransferPoint::bestLr).toList());
    }

    @Test
    void withoutCurvesThereIsNoEpochBudgetButTheSettingsAxesStay() {
        SyntheticGrid g = new SyntheticGrid().add(SyntheticGrid.Axis.BATCH_SIZE, new double[]{1, 4}, LRS, 2, 4,
                (lr, b, seed, e) -> u(lr, 1e-3 * Math.sqrt(b), seed));
        g.curves.clear();
        AnalysisResult r = g.analyse();
        assertTrue(r.transfer().stream().noneMatch(f -> f.axis() == TransferAxis.EPOCHS), "no curve rows: no budget");
        assertEquals(0.5, only(r, TransferAxis.BATCH_SIZE).exponent(), 1e-12, "read from trials/ alone");
    }

    @Test
    void theFitIsLeastSquaresInLogLog() {
        // y = 3 x^-0.7 exactly, and a noisy set checked against the closed form
        double[] x = {1, 2, 5, 10};
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            y[i] = 3 * Math.pow(x[i], -0.7);
        }
        PowerLawFit f = PowerLawFit.of(x, y);
        assertNotNull(f);
        assertEquals(-0.7, f.exponent(), 1e-12);
        assertEquals(3.0, f.at(1.0), 1e-12);
        // log10 x = 0, 1, 2 and log10 y = 0, 1, 3: slope 1.5, intercept -1/6; x <= 0 and NaN left out
        PowerLawFit g = PowerLawFit.of(new double[]{1, 10, 100, 0, 5}, new double[]{1, 10, 1000, 2, Double.NaN});
        assertEquals(1.5, g.exponent(), 1e-12);
        assertEquals(-1.0 / 6, g.intercept(), 1e-12);
        assertEquals(3, g.points());
        assertNull(PowerLawFit.of(new double[]{2, 2}, new double[]{1, 3}), "one distinct x: no fit");
    }
}
