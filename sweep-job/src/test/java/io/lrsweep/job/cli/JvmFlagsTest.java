package io.lrsweep.job.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** conf/jvm-flags (scripts/lrsweep) and the parent pom's spark.jvm.flags (the tests) hold the same flags. */
class JvmFlagsTest {

    @Test
    void scriptAndTestsUseTheSameFlags() throws IOException {
        // Surefire runs in the module directory; the repository root is its parent.
        Path root = Path.of("").toAbsolutePath().getParent();
        Matcher m = Pattern.compile("<spark\\.jvm\\.flags>([^<]*)</spark\\.jvm\\.flags>")
                .matcher(Files.readString(root.resolve("pom.xml")));
        assertTrue(m.find(), "pom.xml defines spark.jvm.flags");
        List<String> pom = Arrays.asList(m.group(1).trim().split("\\s+"));
        List<String> conf = Files.readAllLines(root.resolve("conf/jvm-flags")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertEquals(pom, conf);
    }
}
