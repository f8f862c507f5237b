package io.lrsweep.job.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * {@code --version}: lrsweep's version from the pom.properties Maven puts in every jar (so no
 * resource filtering is needed), and the Spark and Java it runs on.
 */
final class VersionProvider implements IVersionProvider {

    static final String POM_PROPERTIES = "/META-INF/maven/io.lrsweep/lrsweep-sweep-job/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
            "lrsweep " + lrsweepVersion(),
            "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ", Java " + System.getProperty("java.version")
        };
    }

    static String lrsweepVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // Fall through: a build without the jar's metadata.
        }
        return "(development build, not from a jar)";
    }
}
