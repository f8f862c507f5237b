package io.lrsweep.job.analysis;

import io.lrsweep.core.schedule.Monitor;
import io.lrsweep.core.sweep.AnalysisSpec;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each value at its own best, and ties shown as ties, on hand-made grids:
 * <ul>
 *   <li>momentum 0 is best at lr 0.1, momentum 0.9 at lr 0.01 (ten times smaller, as with real SGD):
 *       the profile compares each at its own lr, and at any one shared lr the comparison is unfair;</li>
 *   <li>the paired test works on differences per seed (seeds share initial weights and batch order).</li>
 * </ul>
 */
class ProfileAndTiesTest {
    static final double[] LRS = {0.001, 0.01, 0.1, 1.0};

    /** Loss of momentum m at lr: a U around lr 0.1 for m = 0 and 0.01 for m = 0.9, plus seed noise. */
    static double loss(double m, double lr, int seed) {
        double centre = m == 0.0 ? -1 : -2;
        double bottom = m == 0.0 ? 0.30 : 0.28;
        double d = Math.log10(lr) - centre;
        return bottom + 0.2 * d * d + 0.05 * seed;
    }

    static AnalysisResult momentumGrid() {
        HandMadeSweep s = new HandMadeSweep();
        for (double lr : LRS) {
            for (double m : new double[]{0.0, 0.9}) {
                for (int seed = 0; seed < 4; seed++) {
                    s.trial("sgd", lr, m, seed, "ok", loss(m, lr, seed), 1.1);
                }
            }
        }
        return s.analyse();
    }

    @Test
    void theProfileComparesEachValueAtItsOwnBest() {
        AnalysisResult r = momentumGrid();
        Map<String, SliceRow> profile = new TreeMap<>();
        r.ranking().slices().stream().filter(x -> x.profile() && x.axis() == SettingAxes.MOMENTUM)
                .forEach(x -> profile.put(x.value(), x));
        assertEquals(Set.of("0", "0.9"), profile.keySet());
        assertEquals(0.1, profile.get("0").setting().setting().learningRate(), "momentum 0 at its own best lr");
        assertEquals(0.01, profile.get("0.9").setting().setting().learningRate(), "momentum 0.9 at its own best lr");
        assertEquals(1, profile.get("0.9").rank());
        // At the shared lr 0.1 momentum 0.9 looks worse than 0, the reverse of the fair comparison.
        SliceRow atPointOne = r.ranking().slices().stream().filter(x -> !x.profile() && x.axis() == SettingAxes.MOMENTUM
                && x.setting().setting().learningRate() == 0.1 && x.value().equals("0.9")).findFirst().orElseThrow();
        assertEquals(2, atPointOne.rank());
        String line = Verdict.of(r).axes().get(0);
        assertTrue(line.startsWith("momentum: 0.9 best (at lr 0.01"), line);
    }

    @Test
    void pairedLogRatiosAreTestedWithStudentsT() {
        // Every seed's loss is 1.05 times the best's: the ratio is exactly 1.05, however the seeds scale the loss.
        PairedComparison constant = PairedComparison.of(costs(0.315, 0.42, 2.1, 6.3), costs(0.30, 0.40, 2.0, 6.0));
        assertEquals(4, constant.seeds());
        assertEquals(1.05, constant.ratio(), 1e-12);
        assertEquals(1.05, constant.ratioLow(), 1e-12);
        assertEquals(Boolean.FALSE, constant.indistinguishable(), "a consistent difference, however small, is real");
        assertEquals((0.015 + 0.02 + 0.1 + 0.3) / 4, constant.meanDifference(), 1e-12);
        // Log ratios 0.1, -0.1, 0.2, 0.0: mean 0.05, sd 0.1291; half-width t(0.975, 3) * sd / 2.
        double[] logs = {0.1, -0.1, 0.2, 0.0};
        double[] best = {0.3, 0.35, 0.4, 0.45};
        double[] other = new double[4];
        for (int i = 0; i < 4; i++) {
            other[i] = best[i] * Math.exp(logs[i]);
        }
        PairedComparison noisy = PairedComparison.of(costs(other), costs(best));
        double t = new TDistribution(3).inverseCumulativeProbability(0.975);
        double sd = Math.sqrt((0.05 * 0.05 + 0.15 * 0.15 + 0.15 * 0.15 + 0.05 * 0.05) / 3);
        assertEquals(Math.exp(0.05 - t * sd / 2), noisy.ratioLow(), 1e-12);
        assertEquals(Math.exp(0.05 + t * sd / 2), noisy.ratioHigh(), 1e-12);
        assertEquals(Boolean.TRUE, noisy.indistinguishable(), "noise is not a win");
        PairedComparison two = PairedComparison.of(costs(0.4, 0.5), costs(0.3, 0.35));
        assertNull(two.indistinguishable(), "no test with two seeds");
        assertNull(two.ratioLow());
    }

    @Test
    void aRateThatLearnsNothingIsNotATieHoweverTheSeedsScaleIt() {
        // Each seed stays at its own initial loss (2.5, 4, 6), about ten times the best's: the differences
        // (2.1, 3.6, 5.6) vary so much that a test on them would call it a tie; the ratios do not.
        PairedComparison p = PairedComparison.of(costs(2.5, 4.0, 6.0), costs(0.40, 0.41, 0.42));
        assertEquals(Boolean.FALSE, p.indistinguishable());
        assertTrue(p.ratioLow() > 3, "at least three times worse: " + p);
    }

    @Test
    void aZeroCostIsTestedOnTheDifferences() {
        // Error rates of perfect classifiers: no ratio, the differences decide.
        PairedComparison p = PairedComparison.of(costs(0.0, 0.01, 0.0), costs(0.0, 0.0, 0.0));
        assertNull(p.ratio());
        assertEquals(Boolean.TRUE, p.indistinguishable());
    }

    @Test
    void noiseIsShownAsATie() {
        // The case: momentum 0.5 "best" at 0.407 against 0 at 0.414, seeds disagreeing on the order.
        HandMadeSweep s = new HandMadeSweep();
        double[][] loss = {{0.400, 0.420, 0.401}, {0.425, 0.404, 0.413}};
        for (int seed = 0; seed < 3; seed++) {
            s.trial("sgd", 0.01, 0.5, seed, "ok", loss[0][seed], 1.1);
            s.trial("sgd", 0.01, 0.0, seed, "ok", loss[1][seed], 1.1);
        }
        AnalysisResult r = s.analyse();
        assertEquals(0.5, r.best().setting().momentum());
        assertEquals(1, r.ranking().tiedWithBest().size(), "momentum 0 cannot be told from it");
        Verdict v = Verdict.of(r);
        assertTrue(v.ties().startsWith("1 other setting indistinguishable"), v.ties());
        assertTrue(v.best().matches("sgd, lr 0.01, momentum 0.5: val_loss 0.407 \\[0\\.4\\d*, 0\\.4\\d*] over 3 seeds"), v.best());
        SliceRow zero = r.ranking().slices().stream().filter(x -> x.profile() && x.value().equals("0")).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, zero.vsBest().indistinguishable());
    }

    @Test
    void anyDeclaredAxisWithTwoValuesIsSlicedAndProfiled() {
        // batch_size is not special anywhere: two values make it an axis like momentum.
        HandMadeSweep s = new HandMadeSweep();
        for (int seed = 0; seed < 3; seed++) {
            for (double lr : new double[]{0.01, 0.1}) {
                s.trial("sgd", lr, 0.0, 32, seed, "ok", lr == 0.1 ? 0.4 : 0.5, 1.1);
                s.trial("sgd", lr, 0.0, 128, seed, "ok", lr == 0.1 ? 0.6 : 0.45, 1.1);
            }
        }
        AnalysisResult r = s.analyse();
        SettingAxis batch = SettingAxes.named("batch_size");
        assertEquals(List.of(SettingAxes.LEARNING_RATE, batch), r.ranking().varying());
        List<SliceRow> profile = r.ranking().slices().stream().filter(x -> x.axis() == batch && x.profile()).toList();
        assertEquals(List.of("32", "128"), profile.stream().map(SliceRow::value).toList());
        assertEquals(0.01, profile.get(1).setting().setting().learningRate(), "batch 128 at its own best lr");
        assertEquals(2, r.ucurves().size(), "a U-curve per batch size");
    }

    @Test
    void anAccuracyMetricRanksByTheErrorRate() {
        HandMadeSweep s = new HandMadeSweep();
        for (int seed = 0; seed < 3; seed++) {
            for (double lr : LRS) {
                s.trial("sgd", lr, 0.0, seed, "ok", loss(0.0, lr, seed), 1.1);
            }
        }
        AnalysisResult r = s.analyse(AnalysisOptions.of(AnalysisSpec.defaults().withMetric(Monitor.VAL_ACCURACY)), k -> Set.of());
        UCurveSummary u = r.ucurves().get(0);
        // accuracy = 1 - loss / 2: the same order as the loss, read as the highest accuracy.
        assertEquals(0.1, u.bestLr());
        assertEquals(1 - (0.30 + 0.05) / 2, u.bestValue(), 1e-12);
        assertEquals("val_accuracy", u.metric());
        assertTrue(Verdict.of(r).best().contains("val_accuracy 0.825"), Verdict.of(r).best());
    }

    static Map<Long, Double> costs(double... values) {
        Map<Long, Double> m = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put((long) i, values[i]);
        }
        return m;
    }
}
