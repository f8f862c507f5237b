package io.lrsweep.job.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Option;

import java.io.PrintWriter;
import java.util.regex.Pattern;

/**
 * Starts Spark for a command. The master is {@code --master} when given, else the one spark-submit
 * was given, else {@code local[*]}. Settings spark-submit passes ({@code --conf}, as system
 * properties) win over these defaults: no UI unless {@code --ui}, 4 shuffle partitions (the tables
 * are small), no console progress bar (the run prints its own progress), executor heartbeats every
 * second in local mode (they carry the progress). In local mode, and with a master on loopback, the
 * driver binds to loopback. On a cluster the executors get lrsweep's classes from {@link AppJars}.
 *
 * <p>Only the SparkContext starts at once: training needs nothing more. The SQL session (for
 * reading CSV, Parquet and LIBSVM data, and lr-find) is made from it on first use
 * ({@link Handle#session()}): building one costs seconds of class loading that a run on generated
 * data does not need. A session or context that already exists in this JVM (tests, notebooks) is
 * used as it is and left running.
 */
final class SparkSessions {

    static final String DEFAULT_MASTER = "local[*]";

    private static final Pattern LOOPBACK_MASTER = Pattern.compile("spark://(127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1]):\\d+");

    /** A running SparkContext, its SQL session once asked for, and whether closing this handle stops them. */
    static final class Handle implements AutoCloseable {
        private final SparkContext context;
        private SparkSession session;
        private final boolean owned;

        Handle(SparkContext context, SparkSession session, boolean owned) {
            this.context = context;
            this.session = session;
            this.owned = owned;
        }

        SparkContext context() {
            return context;
        }

        /** The context's setting {@code key}, or null when it has none. */
        String setting(String key) {
            return context.getConf().getOption(key).getOrElse(() -> null);
        }

        org.apache.hadoop.conf.Configuration hadoopConfiguration() {
            return context.hadoopConfiguration();
        }

        /** The SQL session on this context, built on first use. */
        synchronized SparkSession session() {
            if (session == null) {
                // With a context running, the builder uses it and its configuration.
                session = SparkSession.builder().getOrCreate();
            }
            return session;
        }

        @Override
        public synchronized void close() {
            if (owned) {
                if (session != null) {
                    session.stop();
                } else {
                    context.stop();
                }
            }
        }
    }

    /**
     * The executors' default JVM options: Java 17's incubating Vector API, and a trap limit high
     * enough that C2 keeps the Vector API's intrinsics in the kernel's methods (see conf/jvm-flags).
     */
    static final String EXECUTOR_OPTIONS = "--add-modules=jdk.incubator.vector -XX:PerMethodTrapLimit=10000";

    private SparkSessions() {}

    static Handle open(String sweepName, String masterOption, boolean ui, PrintWriter err) {
        Option<SparkSession> existing = SparkSession.getDefaultSession();
        if (existing.isDefined() && !existing.get().sparkContext().isStopped()) {
            return new Handle(existing.get().sparkContext(), existing.get(), false);
        }
        String master = resolveMaster(masterOption);
        // Reads spark-submit's settings (system properties spark.*): setIfMissing leaves them as given.
        SparkConf conf = new SparkConf().setAppName("lrsweep " + sweepName).setMaster(master);
        if (ui) {
            conf.set("spark.ui.enabled", "true");
        } else {
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        conf.setIfMissing("spark.sql.shuffle.partitions", "4");
        // Executor heartbeats carry the running tasks' trial-epochs to the progress line: often
        // enough that it moves every second in local mode, every few seconds on a cluster.
        conf.setIfMissing("spark.executor.heartbeatInterval", isLocal(master) ? "1s" : "3s");
        if (isLocal(master) || onLoopback(master)) {
            // Nothing outside this machine talks to a local driver, or to the driver of a master
            // that listens on loopback only (scripts/local-cluster): keep it off the network.
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!isLocal(master)) {
            AppJars.ship(conf);
            // Executors train: give them the Vector API for the engine's kernel (core's VectorOps) and the
            // trap limit that keeps it fast. Users' own executor options win; without the module PlainOps
            // gives the same results.
            conf.setIfMissing("spark.executor.extraJavaOptions", EXECUTOR_OPTIONS);
        }
        if (QuietLogs.applied()) {
            // Spark puts its own (INFO) logging back as its context starts: keep that start quiet too.
            conf.setIfMissing("spark.log.level", "ERROR");
        }
        SparkContext context = SparkContext.getOrCreate(conf);
        QuietLogs.reapply();
        if (ui) {
            announceUi(context, err);
        }
        return new Handle(context, null, true);
    }

    /** {@code --master} when given, else the master spark-submit was given, else {@value #DEFAULT_MASTER}. */
    static String resolveMaster(String masterOption) {
        return masterOption != null ? masterOption : System.getProperty("spark.master", DEFAULT_MASTER);
    }

    /** Whether this JVM already has a running session, which {@link #open} would use as it is. */
    static boolean running() {
        Option<SparkSession> existing = SparkSession.getDefaultSession();
        return existing.isDefined() && !existing.get().sparkContext().isStopped();
    }

    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[") || master.startsWith("local-cluster[");
    }

    /** A standalone master on this machine's loopback interface, e.g. {@code spark://127.0.0.1:7077}. */
    static boolean onLoopback(String master) {
        return LOOPBACK_MASTER.matcher(master).matches();
    }

    /**
     * Spark's UI binds to SPARK_LOCAL_IP, or to every interface when it is unset (no Spark setting
     * changes that); scripts/lrsweep sets it to 127.0.0.1 for local masters.
     */
    private static void announceUi(SparkContext context, PrintWriter err) {
        Option<String> url = context.uiWebUrl();
        err.println("Spark UI: " + (url.isDefined() ? url.get() : "not started"));
        if (System.getenv("SPARK_LOCAL_IP") == null) {
            err.println("warning: SPARK_LOCAL_IP is not set, so the Spark UI listens on every network interface;"
                    + " set SPARK_LOCAL_IP=127.0.0.1 to keep it on this machine");
        }
        err.flush();
    }
}
