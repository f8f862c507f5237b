package io.lrsweep.bench.report;

import io.lrsweep.bench.jmh.PeakBenchmark;
import io.lrsweep.bench.report.Results.Jmh;

/**
 * This core's measured double-precision peaks (JMH {@link PeakBenchmark}) in FLOP/s, at the lane
 * count the run recorded (VectorInfo, started like the JMH forks): vector FMA, vector multiply
 * then add, and scalar FMA. NaN where a benchmark did not run.
 */
record Peak(int lanes, double fma, double mulAdd, double scalarFma) {

    /** The peaks of the run, or null if the vector FMA peak or the lane count is missing. */
    static Peak of(Results r) {
        Jmh fma = r.jmh("PeakBenchmark.vectorFma");
        if (fma == null || r.vector == null) {
            return null;
        }
        int lanes = r.vector.path("lanes").asInt();
        double vectorCall = PeakBenchmark.flopsPerCall(lanes);
        return new Peak(lanes, perSecond(vectorCall, fma), perSecond(vectorCall, r.jmh("PeakBenchmark.vectorMulAdd")),
                perSecond(PeakBenchmark.SCALAR_FLOPS_PER_CALL, r.jmh("PeakBenchmark.scalarFma")));
    }

    /** FLOP/s of a benchmark measured in microseconds per call. */
    private static double perSecond(double flopsPerCall, Jmh microsPerCall) {
        return microsPerCall == null ? Double.NaN : flopsPerCall / (microsPerCall.median() * 1e-6);
    }

    /**
     * The clock, in GHz, at which a core with 2 FMA ports (most x86 cores since Haswell; some
     * Xeons have one 512-bit FMA unit) gives the measured FMA peak: 2 ports x lanes x 2 FLOPs
     * per cycle.
     */
    double impliedGhz() {
        return fma / (2.0 * lanes * 2.0) / 1e9;
    }
}
