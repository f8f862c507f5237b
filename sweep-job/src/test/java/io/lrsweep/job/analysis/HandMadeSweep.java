package io.lrsweep.job.analysis;

import io.lrsweep.job.run.Schemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code trials/} and {@code curves/} rows by hand, with the run's schemas, so the analysis
 * can be checked against answers worked out on paper.
 */
final class HandMadeSweep {
    static final int EPOCHS = 10;

    private final List<Row> trials = new ArrayList<>();
    private final List<Row> curves = new ArrayList<>();

    /**
     * One trial. Its curve has {@code EPOCHS} epochs (fewer when diverged, the last one NaN) with
     * val_accuracy = epoch / (10 + seed), so it first reaches 0.8 at epoch ceil(0.8 * (10 + seed)).
     * Its final val_accuracy in {@code trials/} is {@code 1 - finalValLoss / 2} (what the U-curve's
     * useful region reads; the curve's accuracies feed the best accuracy and epochs to target).
     */
    HandMadeSweep trial(String optimizer, double lr, Double momentum, double decay, Integer patience, long seed,
                        String status, double finalValLoss) {
        String id = optimizer + "|" + lr + "|" + momentum + "|" + decay + "|" + patience + "|" + seed;
        boolean ok = status.equals("ok");
        Boolean nesterov = optimizer.equals("sgd") ? Boolean.FALSE : null;
        int epochs = ok ? EPOCHS : 4;
        for (int e = 1; e <= epochs; e++) {
            boolean last = e == epochs;
            double valAccuracy = e / (10.0 + seed);
            double valLoss = !ok && last ? Double.NaN : finalValLoss + (EPOCHS - e) * 0.01;
            curves.add(RowFactory.create("hand", id, optimizer, lr, momentum, decay, patience, seed, "constant", 0.0, nesterov,
                    "[50]", 32, e, lr, valLoss, valAccuracy, valLoss, valAccuracy, 0.5, 1.0, 0.0));
        }
        Double finalV = ok ? finalValLoss : Double.NaN;
        Double bestV = ok ? finalValLoss : finalValLoss + 6 * 0.01;
        trials.add(RowFactory.create("hand", id, optimizer, lr, momentum, decay, patience, seed, "constant", 0.0, nesterov,
                "[50]", trials.size(), 32, EPOCHS, status, status, epochs, 2.0, 2.0, finalV, ok ? 0.9 : Double.NaN, finalV,
                ok ? 1.0 - finalValLoss / 2 : Double.NaN, bestV, ok ? EPOCHS : 3, null, 0, 5L, null, 1, 50));
        return this;
    }

    Dataset<Row> trials(SparkSession spark) {
        return spark.createDataFrame(trials, Schemas.TRIALS);
    }

    Dataset<Row> curves(SparkSession spark) {
        return spark.createDataFrame(curves, Schemas.CURVES);
    }

    static Dataset<Row> initialLoss(SparkSession spark, double... perSeed) {
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < perSeed.length; s++) {
            rows.add(RowFactory.create((long) s, perSeed[s], 1.0 / 3.0));
        }
        return spark.createDataFrame(rows, InitialLoss.SCHEMA);
    }
}
