package io.lrsweep.bench.jmh;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.lrsweep.bench.Json;
import jdk.incubator.vector.DoubleVector;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records the vector width PeakBenchmark runs at: started by scripts/bench with the options of
 * the JMH run (whose forks inherit them), it writes the preferred double species' lane count and
 * the JVM's vector flags. Usage: {@code VectorInfo OUT.json}
 */
public final class VectorInfo {
    private VectorInfo() {}

    public static void main(String[] args) throws IOException {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("lanes", DoubleVector.SPECIES_PREFERRED.length());
        info.put("species", DoubleVector.SPECIES_PREFERRED.toString());
        for (String flag : new String[]{"UseAVX", "MaxVectorSize", "UseFMA"}) {
            info.put(flag, vm.getVMOption(flag).getValue());
        }
        Json.write(Path.of(args[0]), info);
    }
}
