package io.lrsweep.bench;

import org.apache.spark.sql.SparkSession;

/**
 * A local[2] session configured as `lrsweep run` configures one (no UI, 4 shuffle partitions,
 * heartbeats every second, loopback).
 */
public final class SparkLocal {
    private SparkLocal() {}

    public static SparkSession start(String name) {
        return SparkSession.builder().appName(name).master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.executor.heartbeatInterval", "1s")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
