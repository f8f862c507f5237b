package io.lrsweep.job.run;

import io.lrsweep.core.sweep.TrialSpec;
import io.lrsweep.core.train.EpochListener;
import io.lrsweep.core.train.Engine;
import io.lrsweep.core.train.TrialResult;
import io.lrsweep.core.train.TrialSettings;
import io.lrsweep.core.train.TrialStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One Spark task of a wave, on an executor: trains its groups of fusable trials one after another
 * (each group with core's {@link Engine}, against the broadcast data), writes their curves to
 * one Parquet file in the wave's staging directory, and returns the trials' summary rows to the
 * driver, which writes trials/ and commits. The file name is the task's partition, the same for
 * every attempt; an attempt writes under a name of its own and renames, so a retried or lost
 * attempt never leaves half a file under the final name (the rows are the same bits every time).
 *
 * <p>Progress: the trial-epochs accumulator grows after every epoch of a group (the trainer's
 * {@link EpochListener}; epoch 0, the initial evaluation, is not one), so executor heartbeats carry it to the driver while a group trains; when a
 * group ends it is topped up to the group's planned epochs, so that trials that stopped early
 * (diverged) still count as done.
 */
final class WaveTask implements Function2<Integer, Iterator<List<TrialSpec>>, Iterator<TrialRow>> {

    private final Broadcast<PreparedData> data;
    private final String stagingCurves;
    private final HadoopConf conf;
    private final RunCounters counters;

    WaveTask(Broadcast<PreparedData> data, Path stagingCurves, HadoopConf conf, RunCounters counters) {
        this.data = data;
        this.stagingCurves = stagingCurves.toString();
        this.conf = conf;
        this.counters = counters;
    }

    @Override
    public Iterator<TrialRow> call(Integer partition, Iterator<List<TrialSpec>> groups) throws IOException {
        PreparedData d = data.value();
        Path dir = new Path(stagingCurves);
        Path target = new Path(dir, String.format("part-p%05d.parquet", partition));
        TaskContext task = TaskContext.get();
        Path attempt = new Path(dir, String.format(".part-p%05d-a%d.tmp", partition, task == null ? 0 : task.taskAttemptId()));
        List<TrialRow> rows = new ArrayList<>();
        try (ParquetWriter<Row> curves = ParquetRows.writer(conf.get(), attempt, Schemas.CURVES)) {
            while (groups.hasNext()) {
                List<TrialSpec> group = groups.next();
                for (TrialOutcome o : train(group, d)) {
                    for (Iterator<Row> it = o.curveRows(); it.hasNext(); ) {
                        curves.write(it.next());
                    }
                    rows.add(TrialRow.of(o.trial(), o.result()));
                }
            }
        }
        FileSystem fs = target.getFileSystem(conf.get());
        if (!fs.rename(attempt, target)) {
            // An earlier attempt of this task finished its file: same rows, replace it.
            fs.delete(target, false);
            if (!fs.rename(attempt, target)) {
                throw new IOException("could not rename " + attempt + " to " + target);
            }
        }
        return rows.iterator();
    }

    private List<TrialOutcome> train(List<TrialSpec> group, PreparedData d) {
        TrialSpec first = group.get(0);
        List<TrialSettings> settings = new ArrayList<>(group.size());
        long planned = 0;
        for (TrialSpec t : group) {
            settings.add(t.settings());
            planned += t.settings().training().epochs();
        }
        long[] reported = new long[1];
        EpochListener progress = trialEpochs -> {
            reported[0] += trialEpochs;
            counters.trialEpochs().add(trialEpochs);
        };
        // The fault hook picks trials by seed, which a group shares: one validation set for all.
        List<TrialResult> results;
        try {
            results = Engine.train(settings, d.train(), TrialFaults.validation(first, d), first.seed(), progress);
        } catch (OutOfMemoryError e) {
            // Spark would end the executor (in local mode: the whole process, with status 52). The
            // group's arrays are unreachable once this frame is gone: fail the task with a message instead.
            throw new IllegalStateException("out of memory training a group of " + group.size() + " trials ("
                    + e.getMessage() + "); give the executors more memory (spark.executor.memory, or the driver's "
                    + "heap in local mode) or shrink model.hidden / training.epochs");
        }
        counters.trialEpochs().add(Math.max(0, planned - reported[0]));
        List<TrialOutcome> out = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            TrialResult r = results.get(i);
            if (r.status() == TrialStatus.DIVERGED) {
                counters.diverged().add(1);
            } else if (r.status() == TrialStatus.FAILED) {
                counters.failed().add(1);
            }
            out.add(new TrialOutcome(group.get(i), r));
        }
        counters.done().add(group.size());
        return out;
    }
}
