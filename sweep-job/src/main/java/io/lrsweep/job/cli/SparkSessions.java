package io.lrsweep.job.cli;

import org.apache.spark.sql.SparkSession;
import scala.Option;

import java.io.PrintWriter;
import java.util.regex.Pattern;

/**
 * Builds the SparkSession for a run. The master is {@code --master} when given, else the one
 * spark-submit was given, else {@code local[*]}. Settings spark-submit passes ({@code --conf}) win
 * over these defaults: no UI unless {@code --ui}, 4 shuffle partitions (the tables are small), no
 * console progress bar (the run prints its own progress). In local mode, and with a master on
 * loopback, the driver binds to loopback. On a cluster the executors get lrsweep's classes from
 * {@link AppJars}. A session that already exists in this JVM (tests, notebooks) is used as it is and
 * left running.
 */
final class SparkSessions {

    static final String DEFAULT_MASTER = "local[*]";

    private static final Pattern LOOPBACK_MASTER = Pattern.compile("spark://(127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1]):\\d+");

    /** A session and whether closing this handle stops it. */
    static final class Handle implements AutoCloseable {
        private final SparkSession session;
        private final boolean owned;

        Handle(SparkSession session, boolean owned) {
            this.session = session;
            this.owned = owned;
        }

        SparkSession session() {
            return session;
        }

        @Override
        public void close() {
            if (owned) {
                session.stop();
            }
        }
    }

    /** The JVM option that makes Java 17's incubating Vector API available. */
    static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";

    private SparkSessions() {}

    static Handle open(String sweepName, String masterOption, boolean ui, PrintWriter err) {
        Option<SparkSession> existing = SparkSession.getDefaultSession();
        if (existing.isDefined() && !existing.get().sparkContext().isStopped()) {
            return new Handle(existing.get(), false);
        }
        String master = resolveMaster(masterOption);
        SparkSession.Builder builder = SparkSession.builder().appName("lrsweep " + sweepName).master(master);
        if (ui) {
            builder.config("spark.ui.enabled", "true");
        } else {
            setDefault(builder, "spark.ui.enabled", "false");
        }
        setDefault(builder, "spark.ui.showConsoleProgress", "false");
        setDefault(builder, "spark.sql.shuffle.partitions", "4");
        // Executor heartbeats carry the running tasks' trial-epochs to the progress line: often
        // enough that it moves every second in local mode, every few seconds on a cluster.
        setDefault(builder, "spark.executor.heartbeatInterval", isLocal(master) ? "1s" : "3s");
        if (isLocal(master) || onLoopback(master)) {
            // Nothing outside this machine talks to a local driver, or to the driver of a master
            // that listens on loopback only (scripts/local-cluster): keep it off the network.
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!isLocal(master)) {
            AppJars.ship(builder);
            // Executors train: give them the Vector API for the fused kernel (core's LaneMlp). Users'
            // own executor options win; without the module the plain kernel gives the same results.
            setDefault(builder, "spark.executor.extraJavaOptions", VECTOR_MODULE);
        }
        if (QuietLogs.applied()) {
            // Spark puts its own (INFO) logging back as its context starts: keep that start quiet too.
            setDefault(builder, "spark.log.level", "ERROR");
        }
        SparkSession session = builder.getOrCreate();
        QuietLogs.reapply();
        if (ui) {
            announceUi(session, err);
        }
        return new Handle(session, true);
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

    private static void setDefault(SparkSession.Builder builder, String key, String value) {
        if (System.getProperty(key) == null) {
            builder.config(key, value);
        }
    }

    /**
     * Spark's UI binds to SPARK_LOCAL_IP, or to every interface when it is unset (no Spark setting
     * changes that); scripts/lrsweep sets it to 127.0.0.1 for local masters.
     */
    private static void announceUi(SparkSession session, PrintWriter err) {
        Option<String> url = session.sparkContext().uiWebUrl();
        err.println("Spark UI: " + (url.isDefined() ? url.get() : "not started"));
        if (System.getenv("SPARK_LOCAL_IP") == null) {
            err.println("warning: SPARK_LOCAL_IP is not set, so the Spark UI listens on every network interface;"
                    + " set SPARK_LOCAL_IP=127.0.0.1 to keep it on this machine");
        }
        err.flush();
    }
}
