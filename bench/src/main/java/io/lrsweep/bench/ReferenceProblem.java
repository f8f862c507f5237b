package io.lrsweep.bench;

import io.lrsweep.bench.shapes.Shape;
import io.lrsweep.bench.shapes.ShapeProblem;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.optim.Adam;
import io.lrsweep.core.optim.OptimizerSpec;
import io.lrsweep.core.optim.Sgd;
import io.lrsweep.core.schedule.PlateauSpec;
import io.lrsweep.core.train.TrainingSpec;
import io.lrsweep.core.train.TrialSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference trial every benchmark measures: blobs (1000 rows, 500 train / 500 validation),
 * the 2-50-3 relu MLP, batch 32, 200 epochs, validation after every epoch.
 */
public final class ReferenceProblem {
    /** The learning rates of conf/learning-rate.json: the 8-point grid. */
    public static final double[] LEARNING_RATES = {1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7};

    public final Dataset train;
    public final Dataset validation;

    public ReferenceProblem() {
        ShapeProblem problem = ShapeProblem.of(Shape.REFERENCE);
        train = problem.train();
        validation = problem.validation();
    }

    public static TrialSettings settings(OptimizerSpec optimizer, PlateauSpec plateau) {
        return new TrialSettings(ModelSpec.reference(), TrainingSpec.reference(), optimizer, plateau);
    }

    /** Plain SGD at the study's best learning rate. */
    public static TrialSettings sgd() {
        return settings(new Sgd(0.01, 0.0, false, 0.0), null);
    }

    /** SGD with momentum 0.9 and ReduceLROnPlateau (patience 10, the reference min_delta). */
    public static TrialSettings sgdMomentumPlateau() {
        return settings(new Sgd(0.01, 0.9, false, 0.0), PlateauSpec.kerasDefaults().withPatience(10));
    }

    public static TrialSettings adam() {
        return settings(Adam.defaults(), null);
    }

    /** The 8-point learning-rate grid of one seed: the trials the engine trains as one group. */
    public static List<TrialSettings> learningRateGrid() {
        List<TrialSettings> trials = new ArrayList<>();
        for (double lr : LEARNING_RATES) {
            trials.add(settings(new Sgd(lr, 0.0, false, 0.0), null));
        }
        return trials;
    }

    /** FLOPs of one reference trial ({@link Flops#perTrial} of the 2-50-3 shape). */
    public static long flopsPerTrial() {
        return Shape.REFERENCE.flopsPerTrial();
    }

}
