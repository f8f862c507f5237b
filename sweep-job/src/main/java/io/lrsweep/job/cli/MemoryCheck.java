package io.lrsweep.job.cli;

import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.SweepSpecException;
import io.lrsweep.core.train.TrainingFootprint;
import org.apache.spark.network.util.JavaUtils;

import java.util.Locale;
import java.util.function.Function;

/**
 * Refuses, before anything runs, a sweep whose trials cannot fit in the memory they would be
 * given, naming the sweep field that makes them large and the limit: a task's group of trials
 * ({@link TrainingFootprint}) and the shared data must fit an executor's heap, and the driver's
 * heap must hold the data, the grid's trials and Spark itself. In local mode the tasks run in the
 * driver's heap. The figures are estimates, on the generous side.
 *
 * @param local            tasks run in the driver (a local master)
 * @param tasksPerExecutor tasks that train at once in one executor (local: the master's thread count)
 * @param executorBytes    heap of an executor (local: the driver's)
 * @param driverBytes      heap of the driver (this JVM)
 * @param where            how the limits were found, for messages
 */
record MemoryCheck(boolean local, int tasksPerExecutor, long executorBytes, long driverBytes, String where) {

    /** Heap Spark keeps for itself in every JVM (its reserved memory, and its own structures on a driver). */
    static final long SPARK_RESERVED = 300L << 20;
    private static final java.util.regex.Pattern LOCAL_CLUSTER =
            java.util.regex.Pattern.compile("local-cluster\\[(\\d+),(\\d+),(\\d+)]");
    /** Driver bytes per trial of the grid: its spec and id, the sets of ids, the pending list. */
    static final long DRIVER_BYTES_PER_TRIAL = 400;

    /**
     * The limits for {@code master} with Spark settings from {@code setting} (spark-submit's system
     * properties, or a running session's conf): this JVM's heap for the driver.
     */
    static MemoryCheck limits(String master, Function<String, String> setting) {
        long driver = Runtime.getRuntime().maxMemory();
        java.util.regex.Matcher cluster = LOCAL_CLUSTER.matcher(master);
        if (cluster.matches()) {
            long executor = Long.parseLong(cluster.group(3)) << 20;
            int tasks = Integer.parseInt(cluster.group(2));
            return new MemoryCheck(false, tasks, executor, driver, master + ": " + tasks + " tasks per executor of "
                    + bytes(executor) + ", driver heap " + bytes(driver));
        }
        if (SparkSessions.isLocal(master)) {
            int threads = localThreads(master);
            return new MemoryCheck(true, threads, driver, driver, "local mode: " + threads + " task" + (threads == 1 ? "" : "s")
                    + " in the driver's heap of " + bytes(driver) + "; -Xmx, or LRSWEEP_DRIVER_MEMORY for scripts/lrsweep");
        }
        String memory = setting.apply("spark.executor.memory");
        long executor = (memory == null ? 1024 : JavaUtils.byteStringAsMb(memory)) << 20;
        String cores = setting.apply("spark.executor.cores");
        int tasks = cores == null ? 1 : Math.max(1, Integer.parseInt(cores.strip()));
        return new MemoryCheck(false, tasks, executor, driver, "spark.executor.memory " + (memory == null ? "1g (default)" : memory)
                + ", spark.executor.cores " + (cores == null ? "1 (unset)" : cores) + ", driver heap " + bytes(driver));
    }

    /**
     * Throws a {@link SweepSpecException} (exit 2) naming the field when the sweep cannot fit.
     *
     * @param rows     the data's rows (training and validation)
     * @param features the data's feature columns
     * @param classes  the data's classes
     */
    void check(SweepSpec spec, long rows, int features, int classes) {
        TrainingFootprint f = footprint(spec, features, classes);
        long data = TrainingFootprint.dataBytes(rows, features);
        if (f.parameters() > Integer.MAX_VALUE - 8) {
            throw new SweepSpecException("model.hidden", "model.hidden " + spec.model().hidden() + ": the model has "
                    + count(f.parameters()) + " parameters (with " + features + " inputs and " + classes + " classes), more "
                    + "than one Java array holds (2147483639); use fewer or smaller hidden layers");
        }
        long perExecutor = sum(SPARK_RESERVED, data, TrainingFootprint.times(tasksPerExecutor, f.taskBytes()));
        long driverNeeds = sum(SPARK_RESERVED, TrainingFootprint.times(4, data / 2),
                TrainingFootprint.times(DRIVER_BYTES_PER_TRIAL, spec.trialCount()));
        if (local) {
            driverNeeds = sum(driverNeeds, perExecutor - SPARK_RESERVED);
        }
        if (!local && perExecutor > executorBytes) {
            throw tooLarge(spec, f, data, perExecutor, executorBytes, "an executor");
        }
        if (driverNeeds > driverBytes) {
            throw tooLarge(spec, f, data, driverNeeds, driverBytes, "the driver");
        }
    }

    /** The footprint of the largest group of trials this sweep trains together. */
    static TrainingFootprint footprint(SweepSpec spec, int features, int classes) {
        long perSeed = spec.trialCount() / spec.seeds().size();
        int models = (int) Math.min(perSeed, Integer.MAX_VALUE);
        return TrainingFootprint.of(spec.model(), spec.training(), features, classes, models);
    }

    private SweepSpecException tooLarge(SweepSpec spec, TrainingFootprint f, long data, long needs, long has, String who) {
        String field;
        String value;
        if (data > f.taskBytes() * tasksPerExecutor) {
            field = "dataset";
            value = "dataset";
        } else {
            field = f.largestPart();
            value = switch (field) {
                case "model.hidden" -> "model.hidden " + spec.model().hidden();
                case "training.epochs" -> "training.epochs " + spec.training().epochs();
                default -> "training.batch_size " + spec.training().batchSize();
            };
        }
        return new SweepSpecException(field, value + ": the sweep needs about " + bytes(needs) + " in " + who + ", more than "
                + "the " + bytes(has) + " it has (" + where + "): " + f.models() + " trial" + (f.models() == 1 ? "" : "s")
                + " of " + count(f.parameters()) + " parameters trained together need " + bytes(f.taskBytes())
                + " a task, the data " + bytes(data) + "; shrink " + field + " or give it more memory");
    }

    private static long sum(long... parts) {
        long s = 0;
        for (long p : parts) {
            s = TrainingFootprint.add(s, p);
        }
        return s;
    }

    /** "1.5 MB", "3.7 GB", "640 GB". */
    static String bytes(long b) {
        if (b == Long.MAX_VALUE) {
            return "more than 9 EB";
        }
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
        double v = b;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? b + " bytes" : String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    private static String count(long n) {
        return n < 100_000 ? Long.toString(n) : String.format(Locale.ROOT, "%.2e", (double) n);
    }

    private static int localThreads(String master) {
        int open = master.indexOf('[');
        if (open < 0) {
            return 1;
        }
        String n = master.substring(open + 1, master.length() - 1).split(",")[0];
        return n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
    }
}
