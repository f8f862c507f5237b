package io.lrsweep.job.table;

import org.apache.hadoop.conf.Configuration;

import java.net.URI;
import java.util.Map;

/**
 * The Hadoop configuration of a command that reads tables without a Spark session: Hadoop's own
 * (core-site.xml on the class path) plus every {@code spark.hadoop.*} system property with its
 * prefix dropped, as Spark itself would apply them (spark-submit passes {@code --conf} that way).
 */
public final class HadoopConf {
    private static final String PREFIX = "spark.hadoop.";

    private HadoopConf() {}

    /**
     * The default file system of a path without a scheme, found without setting Hadoop up: the
     * {@code spark.hadoop.fs.defaultFS} system property, else what a {@code core-site.xml} on the
     * class path says (then read through Hadoop), else the local file system (Hadoop's own default).
     */
    public static URI defaultFileSystem() {
        String property = System.getProperty(PREFIX + "fs.defaultFS");
        if (property != null) {
            return URI.create(property);
        }
        if (Thread.currentThread().getContextClassLoader().getResource("core-site.xml") != null) {
            return org.apache.hadoop.fs.FileSystem.getDefaultUri(forDriver());
        }
        return URI.create("file:///");
    }

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
