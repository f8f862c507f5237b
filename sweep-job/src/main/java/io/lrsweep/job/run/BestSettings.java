package io.lrsweep.job.run;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The best grid setting by mean final val_loss over its seeds, over the trials it is given: the
 * runner gives it the trials of the current grid only (the resumed ones and the ones it ran), so
 * that the printed best never mixes in trials of an earlier grid, epochs or data. Only settings
 * whose every trial ended ok compete: a setting that diverged on some seed is not a safe
 * recommendation, and NaN must never enter a mean. Holds one small entry per setting, not per trial.
 */
final class BestSettings {

    private record Key(String optimizer, double learningRate, Double momentum, double decay, Integer patience) {}

    private static final class Sums {
        int seeds;
        int notOk;
        double valLoss;
        double valAccuracy;
    }

    private final Map<Key, Sums> settings = new HashMap<>();

    void add(TrialRow t) {
        Sums s = settings.computeIfAbsent(new Key(t.optimizer(), t.learningRate(), t.momentum(), t.decay(), t.patience()),
                k -> new Sums());
        s.seeds++;
        if (!"ok".equals(t.status()) || t.finalValLoss() == null || t.finalValAccuracy() == null) {
            s.notOk++;
        } else {
            s.valLoss += t.finalValLoss();
            s.valAccuracy += t.finalValAccuracy();
        }
    }

    /** The best setting, ties broken by optimizer then learning rate; null when no setting ended ok on every seed. */
    RunSummary.BestSetting best() {
        Key bestKey = null;
        Sums bestSums = null;
        for (Map.Entry<Key, Sums> e : settings.entrySet()) {
            Sums s = e.getValue();
            if (s.notOk > 0) {
                continue;
            }
            if (bestKey == null || better(e.getKey(), s, bestKey, bestSums)) {
                bestKey = e.getKey();
                bestSums = s;
            }
        }
        if (bestKey == null) {
            return null;
        }
        return new RunSummary.BestSetting(bestKey.optimizer(), bestKey.learningRate(), bestKey.momentum(), bestKey.decay(),
                bestKey.patience(), bestSums.seeds, bestSums.valLoss / bestSums.seeds, bestSums.valAccuracy / bestSums.seeds);
    }

    private static boolean better(Key k, Sums s, Key bk, Sums bs) {
        int c = Double.compare(s.valLoss / s.seeds, bs.valLoss / bs.seeds);
        if (c != 0) {
            return c < 0;
        }
        c = k.optimizer().compareTo(bk.optimizer());
        if (c != 0) {
            return c < 0;
        }
        c = Double.compare(k.learningRate(), bk.learningRate());
        if (c != 0) {
            return c < 0;
        }
        // Remaining ties (momentum, decay, patience): a fixed order, so that the answer is stable.
        return Objects.toString(k).compareTo(Objects.toString(bk)) < 0;
    }
}
