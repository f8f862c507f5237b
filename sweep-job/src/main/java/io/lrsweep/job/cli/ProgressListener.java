package io.lrsweep.job.cli;

import io.lrsweep.job.run.RunListener;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Tuple4;
import scala.collection.Iterator;
import scala.collection.immutable.Seq;

/**
 * Feeds {@link TrialProgress} from Spark's listener bus: the trial-epochs accumulator of running
 * tasks as executor heartbeats report it ({@code spark.executor.heartbeatInterval}, which lrsweep
 * sets to 1 s in local mode), and each successful task's final updates to the runner's named
 * accumulators ({@link RunListener#EPOCHS_ACCUMULATOR} and the others). A failed task's updates
 * are dropped, as Spark drops them for the accumulator's value.
 */
final class ProgressListener extends SparkListener {

    private final TrialProgress progress;

    ProgressListener(TrialProgress progress) {
        this.progress = progress;
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        Iterator<Tuple4<Object, Object, Object, Seq<AccumulableInfo>>> tasks = update.accumUpdates().iterator();
        while (tasks.hasNext()) {
            Tuple4<Object, Object, Object, Seq<AccumulableInfo>> t = tasks.next();
            Long epochs = value(t._4().iterator(), RunListener.EPOCHS_ACCUMULATOR);
            if (epochs != null) {
                progress.taskProgress((Long) t._1(), epochs);
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (taskEnd.taskInfo() == null) {
            return;
        }
        long id = taskEnd.taskInfo().taskId();
        if (!taskEnd.taskInfo().successful()) {
            progress.taskFailed(id);
            return;
        }
        Long epochs = value(taskEnd.taskInfo().accumulables().iterator(), RunListener.EPOCHS_ACCUMULATOR);
        Long done = value(taskEnd.taskInfo().accumulables().iterator(), RunListener.DONE_ACCUMULATOR);
        if (epochs == null && done == null) {
            return; // not a trial task
        }
        progress.taskEnded(id, orZero(epochs), orZero(done),
                orZero(value(taskEnd.taskInfo().accumulables().iterator(), RunListener.DIVERGED_ACCUMULATOR)),
                orZero(value(taskEnd.taskInfo().accumulables().iterator(), RunListener.FAILED_ACCUMULATOR)));
    }

    /** The task's own value of the named accumulator, or null when it has none. */
    private static Long value(Iterator<AccumulableInfo> infos, String name) {
        Long sum = null;
        while (infos.hasNext()) {
            AccumulableInfo info = infos.next();
            if (info.name().isDefined() && info.name().get().equals(name) && info.update().isDefined()
                    && info.update().get() instanceof Number n) {
                sum = (sum == null ? 0 : sum) + n.longValue();
            }
        }
        return sum;
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
