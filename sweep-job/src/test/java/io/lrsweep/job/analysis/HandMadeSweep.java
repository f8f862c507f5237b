package io.lrsweep.job.analysis;

import io.lrsweep.job.run.TrialRow;
import io.lrsweep.job.table.CurvePoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds {@code trials/} rows and {@code curves/} points by hand, so the analysis can be checked
 * against answers worked out on paper. A trial's curve has {@value #EPOCHS} epochs after its epoch 0:
 * val_accuracy = epoch / (10 + seed) (so it first reaches 0.8 at epoch ceil(0.8 (10 + seed))),
 * val_loss falling by 0.01 an epoch to its final value; a diverged trial stops at epoch 4 on NaN, a
 * failed one has no curve, a saturated one stops at epoch 6 (frozen: its later epochs are its last).
 * Its final val_accuracy in {@code trials/} is {@code 1 - finalValLoss / 2}.
 */
final class HandMadeSweep {
    static final int EPOCHS = 10;

    final List<TrialRow> trials = new ArrayList<>();
    final List<CurvePoint> curves = new ArrayList<>();

    HandMadeSweep trial(String optimizer, double lr, Double momentum, long seed, String status, double finalValLoss,
                        double initialValLoss) {
        return trial(optimizer, lr, momentum, 32, seed, status, finalValLoss, initialValLoss);
    }

    HandMadeSweep trial(String optimizer, double lr, Double momentum, int batchSize, long seed, String status,
                        double finalValLoss, double initialValLoss) {
        String id = optimizer + "|" + lr + "|" + momentum + "|" + batchSize + "|" + seed;
        boolean finished = !status.equals("diverged") && !status.equals("failed");
        int epochs = switch (status) {
            case "diverged" -> 4;
            case "failed" -> 0;
            case "saturated" -> 6;
            default -> EPOCHS;
        };
        if (!status.equals("failed")) {
            curves.add(new CurvePoint(id, 0, lr, initialValLoss + 0.05, 1.0 / 3, initialValLoss, 1.0 / 3, Double.NaN, 1.0));
        }
        for (int e = 1; e <= epochs; e++) {
            boolean last = e == epochs;
            double valAccuracy = e / (10.0 + seed);
            double valLoss = !finished && last ? Double.NaN : finalValLoss + (epochs - e) * 0.01;
            curves.add(new CurvePoint(id, e, lr, valLoss, valAccuracy, valLoss, valAccuracy, 0.5, 1.0));
        }
        Double finalV = finished ? (Double) finalValLoss : status.equals("failed") ? null : (Double) Double.NaN;
        Double accuracy = finished ? (Double) (1.0 - finalValLoss / 2) : status.equals("failed") ? null : (Double) Double.NaN;
        trials.add(new TrialRow("hand", id, optimizer, lr, momentum, 0.0, null, seed, trials.size(), batchSize, EPOCHS,
                status, status, epochs, status.equals("failed") ? null : (Double) (initialValLoss + 0.05),
                status.equals("failed") ? null : (Double) initialValLoss, finalV, accuracy, finalV, accuracy,
                finished ? finalV : null, finished ? (Integer) epochs : null, status.equals("saturated") ? (Integer) 4 : null, 0, 5L,
                status.equals("failed") ? "made to fail" : null, "constant", 0.0, optimizer.equals("sgd") ? Boolean.FALSE : null,
                "[50]", 1, 50));
        return this;
    }

    AnalysisResult analyse(AnalysisOptions options, Function<Ranking, Set<Setting>> shown) {
        return Analysis.run(trials, each -> curves.forEach(each), options, shown);
    }

    AnalysisResult analyse() {
        return analyse(AnalysisOptions.defaults(), r -> Set.of());
    }
}
