package io.lrsweep.job.analysis;

import io.lrsweep.job.SharedSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analysis on hand-made tables whose answers are worked out on paper:
 * <ul>
 *   <li>setup A (sgd, momentum 0): final val_loss = 0.5 + 0.2 (log10 lr - log10 3e-3)^2 plus a seed
 *       offset of -0.01, 0, +0.01 (seeds 0, 1, 2): a U with its minimum at lr 3e-3, seeds with a
 *       spread of exactly 0.01, and at lr 1 seed 2 diverged (its loss is NaN);</li>
 *   <li>setup B (sgd, momentum 0.9): seed 0's U has its minimum nearer 1e-2, seeds 1 and 2's nearer
 *       1e-1, so the bootstrap must hesitate between the two.</li>
 * </ul>
 */
class AnalysisTest {
    static final double[] LRS = {1e-4, 1e-3, 1e-2, 1e-1, 1.0};
    static final double[] INIT = {1.10, 1.12, 1.14};
    static final double T975_DF2 = 4.302652729749464;

    static AnalysisTables tables;
    static Map<String, UCurveSummary> ucurves = new HashMap<>();
    static List<Row> sensitivityRows;

    static double lossA(double lr, long seed) {
        double d = Math.log10(lr) - Math.log10(3e-3);
        return 0.5 + 0.2 * d * d + (seed - 1) * 0.01;
    }

    static double lossB(double lr, long seed) {
        double d = Math.log10(lr) - (seed == 0 ? -1.6 : -1.4);
        return 0.4 + 0.3 * d * d;
    }

    @BeforeAll
    static void analyse() {
        SparkSession spark = SharedSpark.session();
        HandMadeSweep sweep = new HandMadeSweep();
        for (double lr : LRS) {
            for (long seed = 0; seed < 3; seed++) {
                boolean diverged = lr == 1.0 && seed == 2;
                sweep.trial("sgd", lr, 0.0, 0.0, null, seed, diverged ? "diverged" : "ok", lossA(lr, seed));
                sweep.trial("sgd", lr, 0.9, 0.0, null, seed, "ok", lossB(lr, seed));
            }
        }
        tables = Analysis.run(spark, sweep.trials(spark), sweep.curves(spark),
                HandMadeSweep.initialLoss(spark, INIT), AnalysisOptions.defaults());
        sensitivityRows = tables.sensitivity().collectAsList();
        for (Row r : tables.ucurve().collectAsList()) {
            UCurveSummary u = UCurveSummary.of(r);
            ucurves.put(u.setup(), u);
        }
    }

    static Row sensitivity(String axis, String setup, String value) {
        List<Row> rows = sensitivityRows.stream().filter(r -> r.getAs("axis").equals(axis)
                && r.getAs("setup").equals(setup) && r.getAs("axis_value").equals(value)).toList();
        assertEquals(1, rows.size(), axis + " / " + setup + " / " + value);
        return rows.get(0);
    }

    @Test
    void seedStatisticsHaveTheKnownSpreadAndInterval() {
        Row r = sensitivity("learning_rate", "sgd momentum=0 decay=0 patience=none", "0.001");
        double base = lossA(1e-3, 1);
        assertEquals(3, r.<Integer>getAs("ok"));
        assertEquals(base, r.<Double>getAs("final_val_loss_mean"), 1e-12);
        assertEquals(0.01, r.<Double>getAs("final_val_loss_std"), 1e-12);
        assertEquals(base - 0.01, r.<Double>getAs("final_val_loss_min"), 1e-12);
        assertEquals(base + 0.01, r.<Double>getAs("final_val_loss_max"), 1e-12);
        double half = T975_DF2 * 0.01 / Math.sqrt(3);
        assertEquals(base - half, r.<Double>getAs("final_val_loss_ci_low"), 1e-9);
        assertEquals(base + half, r.<Double>getAs("final_val_loss_ci_high"), 1e-9);
        assertEquals(1, r.<Integer>getAs("rank"));
        assertEquals(5, r.<Integer>getAs("setup_size"));
        // val_accuracy = epoch / (10 + seed) reaches 0.8 at epochs 8, 9 and 10; its best is 10 / (10 + seed).
        assertEquals(3, r.<Integer>getAs("reached_target"));
        assertEquals(9.0, r.<Double>getAs("epochs_to_target_mean"), 1e-12);
        assertEquals((1.0 + 10.0 / 11 + 10.0 / 12) / 3, r.<Double>getAs("best_val_accuracy_mean"), 1e-12);
        assertEquals(1.12, r.<Double>getAs("init_val_loss_mean"), 1e-12);
    }

    @Test
    void aDivergedTrialIsCountedAndNeverAveraged() {
        Row r = sensitivity("learning_rate", "sgd momentum=0 decay=0 patience=none", "1");
        assertEquals(3, r.<Integer>getAs("trials"));
        assertEquals(2, r.<Integer>getAs("ok"));
        assertEquals(1, r.<Integer>getAs("diverged"));
        assertEquals(4, r.<Integer>getAs("first_divergence_epoch"));
        double mean = (lossA(1.0, 0) + lossA(1.0, 1)) / 2;
        assertEquals(mean, r.<Double>getAs("final_val_loss_mean"), 1e-12);
        assertEquals((1.0 + 10.0 / 11) / 2, r.<Double>getAs("best_val_accuracy_mean"), 1e-12, "the NaN epoch is skipped");
        assertEquals(5, r.<Integer>getAs("rank"), "a setting with a diverged seed ranks last");
        for (Row any : sensitivityRows) {
            for (String c : List.of("final_val_loss_mean", "best_val_loss_mean", "final_val_accuracy_mean", "best_val_accuracy_mean")) {
                assertFalse(Double.isNaN(any.<Double>getAs(c)), c + " is never NaN: " + any);
            }
        }
        // On the momentum axis at lr 1, momentum 0.9 (all ok) ranks before momentum 0 (one diverged).
        assertEquals(1, sensitivity("momentum", "sgd lr=1 decay=0 patience=none", "0.9").<Integer>getAs("rank"));
        assertEquals(2, sensitivity("momentum", "sgd lr=1 decay=0 patience=none", "0").<Integer>getAs("rank"));
    }

    @Test
    void onlyVaryingAxesWithTwoValuesPerSetupAppear() {
        assertEquals(List.of(Axis.LEARNING_RATE, Axis.MOMENTUM), tables.varying());
        assertEquals(2 * 5 + 5 * 2, sensitivityRows.size());
    }

    @Test
    void theUCurveFindsTheKnownMinimum() {
        UCurveSummary a = ucurves.get("sgd momentum=0 decay=0 patience=none");
        assertNotNull(a);
        assertEquals(5, a.lrs());
        assertEquals(15, a.trials());
        assertEquals(1, a.divergedTrials());
        assertEquals(1e-3, a.bestLr());
        assertEquals(lossA(1e-3, 1), a.bestFinalValLoss(), 1e-12);
        // Every resample shifts all learning rates alike: the best never changes.
        assertEquals(1e-3, a.bestLrLow(), 1e-15);
        assertEquals(1e-3, a.bestLrHigh(), 1e-15);
        assertEquals(1.0, a.bestLrSupport());
        // 1e-2 is within 10% of the best; 1e-4 and 1e-1 are not.
        assertEquals(1e-3, a.basinLrMin());
        assertEquals(1e-2, a.basinLrMax());
        assertEquals(1.0, a.basinDecades(), 1e-12);
        assertEquals(0.1, a.maxStableLr(), "lr 1 diverged on one seed");
        // Accuracy 1 - loss/2 against 1/3 at init: 1e-2 gains 99% of the best's gain, 1e-4 and 1e-1 about half.
        assertEquals(1e-3, a.usefulLrMin());
        assertEquals(1e-2, a.usefulLrMax());
        assertEquals(1.0 / 3.0, a.initValAccuracy(), 1e-12);
        // The seed means lie exactly on the parabola: the fit recovers its vertex and curvature.
        assertEquals("ok", a.fitStatus());
        assertEquals(3, a.fitPoints());
        assertEquals(3e-3, a.fitLr(), 1e-12);
        assertEquals(0.5, a.fitLoss(), 1e-12);
        assertEquals(0.4, a.fitCurvature(), 1e-9);
        assertEquals(1.12, a.initValLoss(), 1e-12);
    }

    @Test
    void lrSensitivityFollowsWortsman() {
        // m(lr) = mean over seeds of min(final loss, initial loss), a diverged trial counting as its
        // initial loss; LR sensitivity = mean over lrs of m - min over lrs of m.
        double sum = 0.0;
        double min = Double.POSITIVE_INFINITY;
        for (double lr : LRS) {
            double m = 0.0;
            for (int seed = 0; seed < 3; seed++) {
                double l = lr == 1.0 && seed == 2 ? Double.POSITIVE_INFINITY : lossA(lr, seed);
                m += Math.min(l, INIT[seed]) / 3;
            }
            sum += m;
            min = Math.min(min, m);
        }
        UCurveSummary a = ucurves.get("sgd momentum=0 decay=0 patience=none");
        assertEquals(sum / LRS.length - min, a.lrSensitivity(), 1e-12);
        assertTrue(a.lrSensitivity() > 0.2, "a narrow U is sensitive: " + a.lrSensitivity());
    }

    @Test
    void theBootstrapHesitatesWhereTheSeedsDisagree() {
        UCurveSummary b = ucurves.get("sgd momentum=0.9 decay=0 patience=none");
        assertEquals(0.1, b.bestLr(), "seeds 1 and 2 outvote seed 0");
        assertEquals(0.01, b.bestLrLow(), 1e-15);
        assertEquals(0.1, b.bestLrHigh(), 1e-15);
        // 1e-2 wins when seed 0 is drawn at least twice of three: 7/27 of resamples.
        assertEquals(20.0 / 27, b.bestLrSupport(), 0.04);
        assertEquals(1.0, b.maxStableLr());
        assertEquals(0, b.divergedTrials());
    }

    @Test
    void tablesAreWrittenAndReadBack(@TempDir Path tmp) {
        SparkSession spark = SharedSpark.session();
        SweepDirectory dir = new SweepDirectory(spark, tmp.toString());
        Analysis.write(tables, dir);
        assertTrue(dir.hasTable(Analysis.SENSITIVITY));
        assertTrue(dir.hasTable(Analysis.UCURVE));
        assertEquals(20, spark.read().parquet(dir.uri(Analysis.SENSITIVITY)).count());
        List<Row> u = spark.read().parquet(dir.uri(Analysis.UCURVE)).collectAsList();
        assertEquals(2, u.size());
        assertNull(UCurveSummary.of(u.get(0)).patience());
    }
}
