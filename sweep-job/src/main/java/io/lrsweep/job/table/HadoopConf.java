package io.lrsweep.job.table;

import org.apache.hadoop.conf.Configuration;

import java.util.Map;

/**
 * The Hadoop configuration a command uses on the driver before Spark starts, or without Spark (to
 * check the output directory, take its lock, read the tables for a report): Hadoop's own
 * (core-site.xml on the class path) plus every {@code spark.hadoop.*} system property with its
 * prefix dropped, as Spark itself would apply them (spark-submit passes {@code --conf} that way).
 */
public final class HadoopConf {
    private static final String PREFIX = "spark.hadoop.";

    private HadoopConf() {}

    /** Hadoop's own configuration with the {@code spark.hadoop.*} system properties applied. */
    public static Configuration forDriver() {
        Configuration conf = new Configuration();
        for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.startsWith(PREFIX)) {
                conf.set(key.substring(PREFIX.length()), String.valueOf(e.getValue()));
            }
        }
        return conf;
    }
}
