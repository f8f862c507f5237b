/**
 * lrsweep's Parquet tables read and written on the driver without Spark: {@code trials/} into
 * {@link io.lrsweep.job.run.TrialRow}s ({@link TrialsTable}), {@code curves/} as a stream of
 * {@link CurvePoint}s ({@link CurvesTable}), any table by column name ({@link ParquetRows}), and
 * small tables written in one piece ({@link ParquetTableWriter}), all through Hadoop's file systems,
 * so that local and Hadoop paths work alike. Spark writes the big tables; these read them back
 * in a fraction of a second where a Spark session would take ten.
 */
package io.lrsweep.job.table;
