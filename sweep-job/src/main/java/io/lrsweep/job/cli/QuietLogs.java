package io.lrsweep.job.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.DefaultConfiguration;

import java.net.URISyntaxException;
import java.net.URL;

/**
 * lrsweep's quiet console (conf/log4j2.properties, packed into the jar) when nobody configured
 * logging: a bare {@code spark-submit} of the submit jar otherwise logs at Spark's default INFO level,
 * about a thousand lines a run. A configuration the user chose ({@code -Dlog4j2.configurationFile},
 * a {@code log4j2.properties} in SPARK_CONF_DIR, scripts/lrsweep's and scripts/submit's own) is left
 * as it is, and {@code --verbose} lifts every logger to INFO afterwards ({@link Logs}).
 *
 * <p>Spark re-initialises its logging when the SparkContext starts and puts its defaults back; so
 * the session is built with {@code spark.log.level=ERROR} for its start ({@link SparkSessions}) and
 * the quiet configuration is applied again once it is up ({@link #reapply()}). What is left of a
 * bare spark-submit's output: Spark's own "Using Spark's default log4j profile" notes and the first
 * three lines of SparkContext's start.
 */
final class QuietLogs {

    /** Where the build puts a copy of conf/log4j2.properties, beside this class. */
    static final String RESOURCE = "log4j2.properties";
    private static final String SPARK_CLASS = "org/apache/spark/SparkContext.class";

    private static volatile boolean applied;

    private QuietLogs() {}

    /** Whether this JVM runs on lrsweep's quiet configuration because nobody gave one. */
    static boolean applied() {
        return applied;
    }

    /** Applies the quiet configuration again if it was applied before (after Spark put its defaults back). */
    static void reapply() {
        if (applied) {
            configure();
        }
    }

    static void unlessConfigured() {
        LoggerContext context = context();
        if (isDefault(context.getConfiguration())) {
            configure();
        }
    }

    private static LoggerContext context() {
        // Under spark-submit this class comes from the application's own class loader, which log4j
        // would give a context of its own: configure the one Spark's classes log through.
        return (LoggerContext) LogManager.getContext(sparkLoader(), false);
    }

    /**
     * The class loader that defines Spark's classes: the topmost one that sees them (loaders delegate
     * to their parents first). Found by resource, so that no Spark class is loaded: a command that
     * starts no Spark ({@code report}) loads none.
     */
    private static ClassLoader sparkLoader() {
        ClassLoader loader = QuietLogs.class.getClassLoader();
        while (loader.getParent() != null && loader.getParent().getResource(SPARK_CLASS) != null) {
            loader = loader.getParent();
        }
        return loader;
    }

    private static void configure() {
        URL quiet = QuietLogs.class.getResource(RESOURCE);
        if (quiet == null) {
            return; // classes run from an IDE without the build's copy: Spark's defaults stay
        }
        try {
            context().setConfigLocation(quiet.toURI());
            applied = true;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the jar's own resource has a URI: " + quiet, e);
        }
    }

    /** Log4j's own fallback, or the defaults Spark loads when no configuration was given. */
    static boolean isDefault(Configuration c) {
        if (c instanceof DefaultConfiguration) {
            return true;
        }
        String location = c.getConfigurationSource() == null ? null : c.getConfigurationSource().getLocation();
        return location != null && location.endsWith("org/apache/spark/log4j2-defaults.properties");
    }
}
