package io.lrsweep.core.lrfind;

import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.data.SplitData;
import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.optim.Sgd;
import io.lrsweep.core.train.TrainingSpec;
import io.lrsweep.core.train.TrialSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LrFinderTest {

    private static Dataset referenceTrain() {
        BlobsSpec spec = BlobsSpec.reference();
        SplitData split = SplitData.of(Blobs.generate(spec), spec);
        return new Dataset(split.train().features(), split.train().labels(), split.train().rows(), 2, 3);
    }

    @Test
    void rampIsGeometricFromMinToMax() {
        LrFinderSpec spec = new LrFinderSpec(1e-6, 1.0, 61, 0.9, 4.0);
        assertEquals(1e-6, spec.learningRate(0), 1e-21);
        assertEquals(1.0, spec.learningRate(60), 1e-12);
        assertEquals(1e-3, spec.learningRate(30), 1e-15);
        assertEquals(spec.learningRate(11) / spec.learningRate(10), spec.learningRate(41) / spec.learningRate(40), 1e-12);
    }

    @Test
    void steepestAndMinimumOnAKnownCurve() {
        // loss = 2 - tanh(x + 2) for x = log10 lr in [-6, 0]: steepest descent at x = -2, minimum at the end
        // until the loss turns up after x = -0.5.
        List<LrFinderResult.Point> curve = new ArrayList<>();
        for (int k = 0; k <= 60; k++) {
            double x = -6 + k * 0.1;
            double loss = 2 - Math.tanh(x + 2) + (x > -0.5 ? 20 * (x + 0.5) * (x + 0.5) : 0);
            curve.add(new LrFinderResult.Point(k + 1, Math.pow(10, x), loss, loss));
        }
        assertEquals(-2.0, Math.log10(LrFinder.steepest(curve, 10)), 1e-9);
        double min = Math.log10(LrFinder.minimum(curve));
        assertTrue(min > -1.0 && min < -0.3, "minimum just before the loss turns up: " + min);
    }

    @Test
    void onTheReferenceProblemTheSuggestionIsAUsableLearningRate() {
        TrialSettings settings = new TrialSettings(ModelSpec.reference(), TrainingSpec.reference(), Sgd.defaults(), null);
        LrFinderResult r = LrFinder.run(new LrFinderSpec(1e-5, 100.0, 300, 0.98, 4.0), settings, referenceTrain(), 0);
        assertTrue(r.curve().size() <= 300);
        assertTrue(r.steepestLr() > 1e-3 && r.steepestLr() < 1.0, "steepest descent at a usable lr: " + r.steepestLr());
        assertTrue(r.minimumLr() > r.steepestLr(), "steepest point left of the minimum");
        assertTrue(r.minimumOverTen() > 1e-3 && r.minimumOverTen() < 1.0, "min / 10: " + r.minimumOverTen());
        for (int i = 1; i < r.curve().size(); i++) {
            assertTrue(r.curve().get(i).lr() > r.curve().get(i - 1).lr());
        }
        // Deterministic for a seed.
        LrFinderResult again = LrFinder.run(new LrFinderSpec(1e-5, 100.0, 300, 0.98, 4.0), settings, referenceTrain(), 0);
        assertEquals(r.curve(), again.curve());
    }

    @Test
    void stopsOnceTheLossExceedsTheDivergenceFactor() {
        TrialSettings settings = new TrialSettings(ModelSpec.reference(), TrainingSpec.reference(),
                new Sgd(0.01, 0.9, false, 0.0), null);
        LrFinderResult r = LrFinder.run(new LrFinderSpec(1e-4, 1e4, 400, 0.9, 2.0), settings, referenceTrain(), 1);
        assertTrue(r.curve().size() < 400, "stopped early at " + r.curve().size());
        assertTrue(r.stopReason().startsWith("smoothed loss exceeded") || r.stopReason().startsWith("loss became non-finite"),
                r.stopReason());
    }

    @Test
    void badSettingsNameTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LrFinderSpec(0, 1, 100, 0.9, 4))
                .getMessage().contains("lr_min"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LrFinderSpec(1e-3, 1e-4, 100, 0.9, 4))
                .getMessage().contains("lr_max"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LrFinderSpec(1e-3, 1, 5, 0.9, 4))
                .getMessage().contains("updates"));
    }
}
