package io.lrsweep.job.cli;

import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop configuration a command uses before Spark starts (to check the output directory and
 * take its lock): Hadoop's own files on the classpath ({@code core-site.xml}, HADOOP_CONF_DIR under
 * spark-submit) plus the {@code spark.hadoop.*} settings spark-submit passes as system properties,
 * as Spark itself will apply them.
 */
final class HadoopConfs {

    private HadoopConfs() {}

    static Configuration beforeSpark() {
        Configuration conf = new Configuration();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("spark.hadoop.")) {
                conf.set(key.substring("spark.hadoop.".length()), System.getProperty(key));
            }
        }
        return conf;
    }
}
