package io.lrsweep.core.train;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's results do not depend on the CPU's vector width or on the Vector API: the same
 * trials trained in JVMs forced to AVX2 and to SSE, without the Vector API module, and with plain
 * Java forced, give every bit of every result the same ({@link EngineDigest}).
 */
class EngineAcrossJvmsTest {

    private static List<String> run(String... flags) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(flags));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(EngineDigest.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child JVM finished");
        assertEquals(0, p.exitValue(), String.join(" ", flags) + ": " + err);
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void everyVectorWidthAndThePlainPathGiveTheSameBits() throws Exception {
        String here = EngineDigest.digest();
        String vector = "--add-modules=jdk.incubator.vector";
        List<String[]> jvms = List.of(
                new String[]{vector, "-XX:UseAVX=2"},
                new String[]{vector, "-XX:UseAVX=0"},
                new String[]{vector, "-XX:UseAVX=0", "-Dlrsweep.kernel=vector"},
                new String[]{vector, "-Dlrsweep.kernel=plain"},
                new String[]{});
        List<String> seen = new ArrayList<>();
        for (String[] flags : jvms) {
            List<String> lines = run(flags);
            assertEquals(here, lines.get(0), String.join(" ", flags) + " (" + lines.get(1) + ")");
            seen.add(lines.get(1));
        }
        assertTrue(seen.contains("vector, 4 lanes, module present"), seen.toString());
        assertTrue(seen.contains("vector, 2 lanes, module present"), seen.toString());
        assertTrue(seen.contains("plain, module present"), seen.toString());
        assertTrue(seen.contains("plain, module absent"), seen.toString());
    }
}
