package io.lrsweep.bench.report;

import io.lrsweep.bench.jmh.PeakBenchmark;

/** FLOPs per call of PeakBenchmark, read from it (the report JVM needs the Vector API module for the lane count). */
final class PeakFlops {
    private PeakFlops() {}

    static double lanes() {
        return PeakBenchmark.lanes();
    }

    static double vectorFlopsPerCall() {
        return PeakBenchmark.FLOPS_PER_CALL;
    }

    static double scalarFlopsPerCall() {
        return PeakBenchmark.SCALAR_FLOPS_PER_CALL;
    }
}
