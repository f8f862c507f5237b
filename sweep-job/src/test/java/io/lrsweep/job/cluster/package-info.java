/**
 * Robustness tests that need more than one call: a standalone cluster on loopback
 * (scripts/local-cluster) losing an executor, a driver killed with SIGKILL and resumed, a trial
 * whose code throws, and what a finished output contains. The processes they start are bounded by
 * timeouts and always stopped.
 */
package io.lrsweep.job.cluster;
