package io.lrsweep.job.analysis;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

/**
 * The analysis as Spark tables (lazy until written or collected).
 *
 * @param trialMetrics one row per trial: settings, status, final/best values, epochs to target, initial loss
 * @param settings     one row per grid setting: statistics over seeds
 * @param summaries    the same, collected (one row per grid point: small)
 * @param sensitivity  {@code sensitivity/}: axis value x setup, with rank
 * @param ucurve       {@code ucurve/}: one row per optimizer/setup along the learning rate
 * @param varying      the axes that vary in the sweep
 * @param learningRatesShared whether every optimizer ran the same learning rates (a grid axis) rather
 *                     than each its own default (then the optimizer axis names the lr with the optimizer)
 */
public record AnalysisTables(Dataset<Row> trialMetrics, Dataset<Row> settings, List<SettingSummary> summaries,
                             Dataset<Row> sensitivity, Dataset<Row> ucurve, List<Axis> varying,
                             boolean learningRatesShared) {
}
