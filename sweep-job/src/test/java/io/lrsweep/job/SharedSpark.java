package io.lrsweep.job;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test JVM (starting one costs ~10 s): local[2], no UI, 2 shuffle
 * partitions, heartbeats every second, bound to loopback. Test classes call {@link #session()} and do not stop it; Spark's
 * own shutdown hook stops it when the JVM exits. A test that needs another master stops the shared
 * session with {@link #stopShared()} and builds its own from {@link #builder(String)}; the next
 * {@link #session()} call starts a fresh shared one.
 */
public final class SharedSpark {

    public static final String MASTER = "local[2]";

    private static SparkSession session;

    private SharedSpark() {}

    public static synchronized SparkSession session() {
        if (session == null || session.sparkContext().isStopped()) {
            session = builder(MASTER).getOrCreate();
        }
        return session;
    }

    /** The test settings with another master, e.g. local[1] or local[3]. */
    public static SparkSession.Builder builder(String master) {
        return SparkSession.builder()
                .appName("lrsweep tests")
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "2")
                // As lrsweep's own local sessions: heartbeats carry running tasks' progress every second.
                .config("spark.executor.heartbeatInterval", "1s")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
    }

    /** Stops the shared session, if one is running, and any other active or default session. */
    public static synchronized void stopShared() {
        if (session != null) {
            session.stop();
            session = null;
        }
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
        SparkSession.getDefaultSession().foreach(s -> {
            s.stop();
            return null;
        });
    }
}
