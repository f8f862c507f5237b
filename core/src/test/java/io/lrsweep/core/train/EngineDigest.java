package io.lrsweep.core.train;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.model.Activation;
import io.lrsweep.core.model.LossFunction;
import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.model.VectorSupport;
import io.lrsweep.core.optim.Adagrad;
import io.lrsweep.core.optim.Adam;
import io.lrsweep.core.optim.OptimizerSpec;
import io.lrsweep.core.optim.RmsProp;
import io.lrsweep.core.optim.Sgd;
import io.lrsweep.core.random.SplitMix64;
import io.lrsweep.core.schedule.Monitor;
import io.lrsweep.core.schedule.PlateauSpec;
import io.lrsweep.core.schedule.Schedule;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Trains a fixed set of groups (random shapes and depths, every activation, loss and optimizer,
 * plateau and schedules, partial batches, a diverging trial) and prints one SHA-256 of every bit
 * of every result, then which arithmetic ran. Run in JVMs with other vector widths, without the
 * Vector API, or with plain Java forced, the digest must not change ({@link EngineAcrossJvmsTest}).
 */
public final class EngineDigest {

    private EngineDigest() {}

    static String digest() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        SplitMix64 rng = new SplitMix64(77);
        for (int g = 0; g < 6; g++) {
            int features = 1 + rng.nextInt(g == 5 ? 140 : 20);
            int classes = 2 + rng.nextInt(6);
            int rows = 40 + rng.nextInt(40);
            double[] x = new double[(rows + 30) * features];
            for (int k = 0; k < x.length; k++) {
                x[k] = 4.0 * rng.nextDouble() - 2.0;
            }
            int[] y = new int[rows + 30];
            for (int k = 0; k < y.length; k++) {
                y[k] = (int) ((Math.abs(x[k * features]) * 1.7 + k % 2) * classes / 5.0) % classes;
            }
            double[] xt = java.util.Arrays.copyOf(x, rows * features);
            double[] xv = java.util.Arrays.copyOfRange(x, rows * features, x.length);
            Dataset train = new Dataset(xt, java.util.Arrays.copyOf(y, rows), rows, features, classes);
            Dataset val = new Dataset(xv, java.util.Arrays.copyOfRange(y, rows, y.length), 30, features, classes);
            List<Integer> hidden = new ArrayList<>();
            for (int l = 0, depth = 1 + rng.nextInt(3); l < depth; l++) {
                hidden.add(1 + rng.nextInt(g == 4 ? 150 : 30));
            }
            ModelSpec model = new ModelSpec(hidden, Activation.values()[g % 3]);
            int batch = 5 + rng.nextInt(30);
            List<TrialSettings> trials = new ArrayList<>();
            OptimizerSpec[] optimizers = {new Sgd(0.1, 0.0, false, 0.0), new Sgd(0.05, 0.9, true, 1e-3),
                    new RmsProp(0.01, 0.9, 1e-7, 0.0), Adagrad.defaults(), Adam.defaults(), new Sgd(1e200, 0.0, false, 0.0)};
            for (int k = 0; k < optimizers.length; k++) {
                PlateauSpec plateau = k == 1 ? new PlateauSpec(Monitor.VAL_LOSS, 0.5, 1, 1e-3, 0, 0.0) : null;
                Schedule schedule = k == 2 ? new Schedule.StepDecay(0.5, 2) : new Schedule.Constant();
                LossFunction loss = (k + g) % 2 == 0 ? LossFunction.KERAS_CLIPPED : LossFunction.LOG_SOFTMAX;
                trials.add(new TrialSettings(model, new TrainingSpec(3 + k % 3, batch, true, schedule, loss), optimizers[k], plateau));
            }
            for (TrialResult r : Engine.train(trials, train, val, g, EpochListener.NONE)) {
                sha.update((r.status() + "|" + r.statusReason() + "|" + r.frozenEpoch() + "|" + r.lrReductions() + "|"
                        + r.error()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                List<EpochRecord> all = new ArrayList<>();
                if (r.initial() != null) {
                    all.add(r.initial());
                }
                all.addAll(r.history());
                for (EpochRecord e : all) {
                    ByteBuffer b = ByteBuffer.allocate(4 + 7 * 8);
                    b.putInt(e.epoch());
                    for (double v : new double[]{e.lr(), e.loss(), e.accuracy(), e.valLoss(), e.valAccuracy(), e.gradNorm(),
                            e.weightNorm()}) {
                        b.putLong(Double.doubleToLongBits(v));
                    }
                    sha.update(b.array());
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Prints the digest, then what computed it. */
    public static void main(String[] args) throws Exception {
        System.out.println(digest());
        System.out.println((VectorSupport.enabled() ? "vector, " + VectorSupport.lanes() + " lanes" : "plain")
                + ", module " + (VectorSupport.available() ? "present" : "absent"));
    }
}
