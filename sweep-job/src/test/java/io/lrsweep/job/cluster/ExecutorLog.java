package io.lrsweep.job.cluster;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an executor's log (INFO, in the Worker's work directory) says about its trial tasks: it
 * logs "Running task 3.0 in stage 0.0 (TID 3)" when it starts one and "Finished task 3.0 in stage
 * 0.0 (TID 3)" when it is done ("3.0": partition 3, attempt 0). A single-wave sweep trains its
 * trials in stage 0, one partition per trial.
 */
record ExecutorLog(Set<String> started, Set<String> finished) {

    private static final Pattern LINE = Pattern.compile("(Running|Finished) task (\\d+\\.\\d+) in stage 0\\.\\d+ \\(TID \\d+\\)");

    static ExecutorLog parse(String log) {
        Set<String> started = new LinkedHashSet<>();
        Set<String> finished = new LinkedHashSet<>();
        Matcher m = LINE.matcher(log);
        while (m.find()) {
            (m.group(1).equals("Running") ? started : finished).add(m.group(2));
        }
        return new ExecutorLog(started, finished);
    }

    /** Trial tasks ("partition.attempt") started and not finished: running now, or lost if the executor is gone. */
    Set<String> unfinished() {
        Set<String> open = new LinkedHashSet<>(started);
        open.removeAll(finished);
        return open;
    }

    /** The partition of a task id "partition.attempt". */
    static String partition(String task) {
        return task.substring(0, task.indexOf('.'));
    }
}
