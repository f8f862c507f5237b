package io.lrsweep.job.cli;

import io.lrsweep.job.run.RunListener;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.collection.Iterator;

/**
 * Feeds {@link TrialProgress} from Spark's listener bus: each successful task's updates to the
 * runner's named accumulators ({@link RunListener#DONE_ACCUMULATOR} and the others). A failed task's
 * updates are ignored, as Spark ignores them for the accumulator's value.
 */
final class ProgressListener extends SparkListener {

    private final TrialProgress progress;

    ProgressListener(TrialProgress progress) {
        this.progress = progress;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (taskEnd.taskInfo() == null || !taskEnd.taskInfo().successful()) {
            return;
        }
        long done = 0;
        long diverged = 0;
        long failed = 0;
        Iterator<AccumulableInfo> updates = taskEnd.taskInfo().accumulables().iterator();
        while (updates.hasNext()) {
            AccumulableInfo info = updates.next();
            if (info.name().isEmpty() || info.update().isEmpty() || !(info.update().get() instanceof Number n)) {
                continue;
            }
            switch (info.name().get()) {
                case RunListener.DONE_ACCUMULATOR -> done += n.longValue();
                case RunListener.DIVERGED_ACCUMULATOR -> diverged += n.longValue();
                case RunListener.FAILED_ACCUMULATOR -> failed += n.longValue();
                default -> { }
            }
        }
        if (done + diverged + failed > 0) {
            progress.addTask(done, diverged, failed);
        }
    }
}
