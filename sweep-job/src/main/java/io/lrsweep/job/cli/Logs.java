package io.lrsweep.job.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Log levels for a run. The quiet default comes from the log4j2 configuration the launcher passes
 * ({@code conf/log4j2.properties}: warnings, Spark and its libraries at errors only); {@code --verbose}
 * lifts every logger, Spark's included, to INFO.
 */
final class Logs {

    private Logs() {}

    static void verbose() {
        Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.INFO);
    }
}
