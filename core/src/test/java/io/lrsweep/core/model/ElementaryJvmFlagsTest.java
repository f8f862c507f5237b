package io.lrsweep.core.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Elementary} and {@link ElementaryLanes} give the same bits on every vector width and JVM
 * setting: child JVMs (started with the Vector API module whatever this JVM has) hash both over
 * the same arguments, each vector species in a JVM of its own, under the default flags (AVX-512
 * here), {@code -XX:UseAVX=2} (256-bit vectors), {@code -XX:UseAVX=0} (SSE, 128-bit vectors, no
 * FMA instruction) and {@code -Xint} (the interpreter and the Vector API's Java fallback). Every
 * hash must equal this JVM's scalar hash, and no lane may differ from its child's scalar result.
 * Under the default flags, AVX2 and SSE, the children also check that a hot loop over each
 * function allocates nothing: C2 compiled it to vector instructions, boxing no vector.
 */
class ElementaryJvmFlagsTest {
    private static final long SEED = 20240917L;
    private static final long TIMEOUT_SECONDS = 120;

    private static final class Child {
        final List<String> flags;
        final int count;
        final String[] species;
        Process process;

        Child(List<String> flags, int count, String... species) {
            this.flags = flags;
            this.count = count;
            this.species = species;
        }
    }

    @Test
    void everyWidthAndJvmSettingGivesTheScalarBits() throws Exception {
        List<Child> children = List.of(
                new Child(List.of(), 1 << 16, "512+alloc"),
                new Child(List.of(), 1 << 16, "256"),
                new Child(List.of(), 1 << 16, "128"),
                new Child(List.of("-XX:UseAVX=2"), 1 << 16, "preferred+alloc"),
                new Child(List.of("-XX:UseAVX=0"), 1 << 16, "preferred+alloc"),
                new Child(List.of("-Xint"), 1 << 10, "preferred"));
        for (Child child : children) {
            child.process = start(child);
        }
        Map<Integer, Map<String, Long>> expected = new HashMap<>();
        for (Child child : children) {
            String output = finish(child);
            Map<String, Long> scalar = expected.computeIfAbsent(child.count, ElementaryJvmFlagsTest::scalarHashes);
            int checked = 0;
            int allocChecks = 0;
            for (String line : output.split("\n")) {
                String[] f = line.trim().split(" ");
                if (f[0].equals("lanes")) {
                    int lanes = Integer.parseInt(f[1]);
                    if (child.flags.contains("-XX:UseAVX=0")) {
                        assertEquals(2, lanes, "SSE vectors hold 2 doubles");
                    } else if (child.flags.contains("-XX:UseAVX=2")) {
                        assertTrue(lanes <= 4, "AVX2 vectors hold at most 4 doubles");
                    }
                    continue;
                }
                if (f[0].equals("alloc")) {
                    assertTrue(f[3].equals("-") || Double.parseDouble(f[3]) == 0.0, () -> child.flags + " " + f[2]
                            + " " + f[1] + ": a hot loop allocates (C2 did not inline ElementaryLanes): " + line);
                    allocChecks++;
                    continue;
                }
                String where = child.flags + " " + f[1] + " " + f[0];
                assertEquals(scalar.get(f[0]), Long.parseLong(f[2]),
                        () -> where + ": not this JVM's scalar bits. " + line);
                if (!f[1].equals("scalar")) {
                    assertEquals("0", f[3], () -> where + ": lanes differ from scalar: " + line);
                }
                checked++;
            }
            assertEquals(ElementaryInputs.FUNCTIONS.length * (1 + child.species.length), checked, output);
            long allocRequested = List.of(child.species).stream().filter(s -> s.endsWith("+alloc")).count();
            assertEquals(ElementaryInputs.FUNCTIONS.length * allocRequested, allocChecks, output);
        }
    }

    private static Map<String, Long> scalarHashes(int count) {
        Map<String, Long> hashes = new HashMap<>();
        for (String function : ElementaryInputs.FUNCTIONS) {
            double[] in = ElementaryInputs.forFunction(function, count, SEED);
            hashes.put(function, ElementaryInputs.hash(ElementaryInputs.applyScalar(function, in)));
        }
        return hashes;
    }

    private static Process start(Child child) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "--add-modules", "jdk.incubator.vector"));
        command.addAll(child.flags);
        command.addAll(List.of("-cp", testClassPath(), ElementaryHashMain.class.getName()));
        command.add(Integer.toString(child.count));
        command.add(Long.toString(SEED));
        command.addAll(List.of(child.species));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String finish(Child child) throws Exception {
        Process p = child.process;
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "child JVM " + child.flags + " timed out");
        assertEquals(0, p.exitValue(), () -> "child JVM " + child.flags + " failed: " + out);
        return out;
    }

    /** Surefire runs tests from a manifest-only jar; its real class path is in this property. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isEmpty() ? surefire : System.getProperty("java.class.path");
    }
}
