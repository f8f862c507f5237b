package io.lrsweep.job.cli;

import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.TrialGroups;
import io.lrsweep.core.sweep.TrialSpec;
import io.lrsweep.core.train.EpochListener;
import io.lrsweep.core.train.Engine;
import io.lrsweep.core.train.TrainingSpec;
import io.lrsweep.core.train.TrialSettings;
import io.lrsweep.core.train.TrialResult;
import io.lrsweep.job.run.ParquetRows;
import io.lrsweep.job.run.PreparedData;
import io.lrsweep.job.run.Schemas;
import io.lrsweep.job.run.TrialOutcome;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Local mode only: while Spark starts (seconds, mostly one busy core), the other core trains a
 * throw-away group of the sweep's own trials for a few epochs at a time, and writes a throw-away
 * Parquet file. The JIT compiles the training kernel and the writers meanwhile, so the sweep's
 * first group trains at full speed instead of spending its first seconds interpreted: in a fresh
 * JVM a group of 8 reference trials takes 3.7 s cold and 0.35 s warm. Nothing of it is kept and
 * results cannot change (training is a pure function of the trial and the data). In local mode the
 * executors are this JVM, so their code is what gets compiled; on a cluster it would warm only the
 * driver, so it is not done. It stops when Spark is up ({@link #stop}), between two chunks.
 */
final class Warmup implements Runnable {

    /** Epochs per chunk: short, so that {@link #stop} takes effect within tens of milliseconds once warm. */
    private static final int EPOCHS_PER_CHUNK = 5;

    private final SweepSpec sweep;
    private volatile boolean stopped;

    private Warmup(SweepSpec sweep) {
        this.sweep = sweep;
    }

    /** Starts the warm-up on a daemon thread. */
    static Warmup start(SweepSpec sweep) {
        Warmup w = new Warmup(sweep);
        Thread t = new Thread(w, "lrsweep-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return w;
    }

    /** The writers' code paths (Parquet, snappy, Hadoop's local file system), on a file that is deleted at once. */
    private static void write(List<TrialSpec> group, List<TrialResult> results) throws IOException {
        java.nio.file.Path dir = Files.createTempDirectory("lrsweep-warm-up");
        try {
            List<Row> curves = new ArrayList<>();
            List<Row> trials = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                TrialOutcome o = new TrialOutcome(group.get(i), results.get(i));
                o.curveRows().forEachRemaining(curves::add);
                trials.add(o.trialRow());
            }
            Configuration conf = new Configuration();
            ParquetRows.write(conf, new Path(dir.resolve("curves.parquet").toString()), Schemas.CURVES, curves);
            ParquetRows.write(conf, new Path(dir.resolve("trials.parquet").toString()), Schemas.TRIALS, trials);
        } finally {
            try (var files = Files.walk(dir)) {
                for (java.nio.file.Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Ends the warm-up after its current chunk. */
    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try {
            // The sweep's data when it is generated (its exact shapes); otherwise the reference blobs,
            // whose loops are the same code with other bounds.
            BlobsSpec blobs = sweep.dataset() instanceof BlobsSpec b ? b : BlobsSpec.reference();
            Dataset data = Blobs.generate(blobs);
            PreparedData prepared = PreparedData.of(data, blobs);
            List<TrialSpec> group = TrialGroups.of(TrialGroups.groupedOrder(sweep.trials().subList(0,
                    (int) Math.min(sweep.trialCount(), TrialGroups.MAX_PER_GROUP))), TrialGroups.MAX_PER_GROUP).get(0);
            List<TrialSettings> settings = new ArrayList<>(group.size());
            for (TrialSpec t : group) {
                TrainingSpec training = t.settings().training();
                TrainingSpec chunk = new TrainingSpec(EPOCHS_PER_CHUNK, training.batchSize(), training.shuffle(),
                        training.schedule(), training.loss());
                settings.add(new TrialSettings(t.settings().model(), chunk, t.settings().optimizer(), t.settings().plateau()));
            }
            boolean wrote = false;
            while (!stopped) {
                List<TrialResult> results = Engine.train(settings, prepared.train(), prepared.validation(),
                        group.get(0).seed(), EpochListener.NONE);
                if (!wrote) {
                    write(group, results);
                    wrote = true;
                }
            }
        } catch (RuntimeException | IOException e) {
            // Nothing depends on the warm-up: the sweep itself reports any problem with its own trials.
        }
    }
}
