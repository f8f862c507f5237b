package io.lrsweep.bench.shapes;

import io.lrsweep.bench.Flops;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.model.Activation;
import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.optim.Sgd;
import io.lrsweep.core.schedule.Schedule;
import io.lrsweep.core.train.TrainingSpec;
import io.lrsweep.core.train.TrialSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape matrix of issue 10: every MLP shape the engine is timed on against scikit-learn and
 * PyTorch, declared once here. The JMH benchmark takes them as its parameter, {@link ShapeData}
 * writes each one's rows and this description for the Python peers, and the report reads them
 * back from here.
 *
 * <p>Every shape trains on make_blobs rows ({@link io.lrsweep.core.data.Blobs}, bit for bit
 * scikit-learn's) with one center per class, std 2.0, random_state 2, the first half training and
 * the second half validation; relu, plain SGD at lr 0.01, batch 32, shuffled every epoch. The
 * reference shape is the study's own problem, unstandardised as in the study; the others are
 * standardised with the training half's statistics, as a user would prepare tabular data. Rows
 * and epochs are chosen so that one trial takes long enough to time (tens of milliseconds at
 * least) and the whole matrix, peers included, a few minutes.
 */
public enum Shape {
    /** The study's problem: blobs, 1000 rows (500 train / 500 validation), 200 epochs. */
    REFERENCE("2-[50]-3", 2, List.of(50), 3, 1000, 200, false),
    /** A breast-cancer-like table: 30 inputs, 2 classes. */
    TABLE_30_50_2("30-[50]-2", 30, List.of(50), 2, 1000, 100, true),
    /** The digits shape of the measurement: ~900 training rows, 100 epochs. */
    DIGITS_64_64_10("64-[64]-10", 64, List.of(64), 10, 1800, 100, true),
    /** An MNIST-sized input on 1,000 synthetic rows; 20 epochs, as one costs as much as 340 reference epochs. */
    WIDE_784_128_10("784-[128]-10", 784, List.of(128), 10, 1000, 20, true),
    /** Two hidden layers. */
    DEEP_20_64_64_5("20-[64,64]-5", 20, List.of(64, 64), 5, 1000, 100, true);

    /** The learning rate of a lone trial. */
    public static final double LEARNING_RATE = 0.01;
    public static final int BATCH_SIZE = 32;
    /**
     * A group of 8: the learning rates of one seed trained together. None of them diverges on
     * these shapes (a diverged trial stops early, which would flatter the time per trial).
     */
    public static final List<Double> GROUP_LEARNING_RATES = List.of(0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005);

    public final String label;
    public final int features;
    public final List<Integer> hidden;
    public final int classes;
    public final int samples;
    public final int epochs;
    public final boolean standardize;

    Shape(String label, int features, List<Integer> hidden, int classes, int samples, int epochs, boolean standardize) {
        this.label = label;
        this.features = features;
        this.hidden = hidden;
        this.classes = classes;
        this.samples = samples;
        this.epochs = epochs;
        this.standardize = standardize;
    }

    /** The make_blobs parameters of this shape's rows (the reference's are BlobsSpec.reference()). */
    public BlobsSpec blobs() {
        return new BlobsSpec(samples, classes, features, 2.0, 2, true, 0.5, standardize);
    }

    public int trainRows() {
        return (int) Math.floor(samples * 0.5);
    }

    public int validationRows() {
        return samples - trainRows();
    }

    public int[] widths() {
        return model().widths(features, classes);
    }

    public ModelSpec model() {
        return new ModelSpec(hidden, Activation.RELU);
    }

    /** Plain SGD (no momentum, no decay) at {@code learningRate}, no plateau controller. */
    public TrialSettings settings(double learningRate) {
        TrainingSpec training = new TrainingSpec(epochs, BATCH_SIZE, true, new Schedule.Constant());
        return new TrialSettings(model(), training, new Sgd(learningRate, 0.0, false, 0.0), null);
    }

    public List<TrialSettings> group() {
        List<TrialSettings> trials = new ArrayList<>();
        for (double lr : GROUP_LEARNING_RATES) {
            trials.add(settings(lr));
        }
        return trials;
    }

    /** FLOPs of one trial by {@link Flops#perTrial}. */
    public long flopsPerTrial() {
        return Flops.perTrial(widths(), trainRows(), validationRows(), epochs);
    }
}
