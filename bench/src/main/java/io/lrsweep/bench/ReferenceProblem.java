package io.lrsweep.bench;

import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.data.SplitData;
import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.optim.Adam;
import io.lrsweep.core.optim.OptimizerSpec;
import io.lrsweep.core.optim.Sgd;
import io.lrsweep.core.schedule.PlateauSpec;
import io.lrsweep.core.train.TrainingSpec;
import io.lrsweep.core.train.TrialSettings;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        BlobsSpec blobs = BlobsSpec.reference();
        SplitData split = SplitData.of(Blobs.generate(blobs), blobs);
        train = new Dataset(split.train().features(), split.train().labels(), split.train().rows(), 2, 3);
        validation = new Dataset(split.validation().features(), split.validation().labels(),
                split.validation().rows(), 2, 3);
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

    /**
     * Floating-point operations of one reference trial counted from the model shape, a
     * multiply-add counting 2: per training row the forward pass, the kernel gradients (as many
     * again) and the deltas of the layers above the first; per validation row the forward pass.
     * Bias adds, activations, softmax and optimizer updates are not counted.
     */
    public static long flopsPerTrial(int trainRows, int validationRows, int epochs) {
        int[] w = {2, 50, 3};
        long forward = 0;
        for (int l = 0; l + 1 < w.length; l++) {
            forward += 2L * w[l] * w[l + 1];
        }
        // Training row: forward, kernel gradients (as many FLOPs as the forward pass), and the
        // delta of every layer but the first (its input needs none).
        long deltas = 0;
        for (int l = 1; l + 1 < w.length; l++) {
            deltas += 2L * w[l] * w[l + 1];
        }
        long trainRow = 2 * forward + deltas;
        return epochs * (trainRows * trainRow + validationRows * forward);
    }

    /** The data as CSV (x0,x1,label; train rows first), for the PyTorch peer. */
    public void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("x0,x1,label\n");
            for (Dataset d : List.of(train, validation)) {
                for (int r = 0; r < d.rows(); r++) {
                    w.write(Double.toString(d.feature(r, 0)) + "," + d.feature(r, 1) + "," + d.labels()[r] + "\n");
                }
            }
        }
    }

    public static void main(String[] args) throws IOException {
        new ReferenceProblem().writeCsv(Path.of(args[0]));
    }
}
