package io.lrsweep.job.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An output directory can be shared: no file in it (sweep.json, the Parquet files and their
 * metadata) carries where or by whom it was made, i.e. no absolute path of this machine, no home
 * directory, no host name.
 */
class OutputContentsTest {

    @TempDir
    Path dir;

    @Test
    void noFileOfTheOutputNamesThisMachine() throws IOException {
        Path out = dir.resolve("out");
        Sweeps.Run run = Sweeps.inProcess("run", Sweeps.write(dir).toString(), "--out", out.toString(), "--seeds", "1");
        assertEquals(0, run.status(), run::toString);

        List<String> secrets = new ArrayList<>(List.of(dir.toAbsolutePath().toString(), Path.of("").toAbsolutePath().toString(),
                System.getProperty("user.home"), System.getProperty("java.io.tmpdir")));
        String host = InetAddress.getLocalHost().getHostName();
        if (host.length() >= 4) {
            secrets.add(host);
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                // ISO-8859-1 maps each byte to one char, so a binary file is searched byte for byte.
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertFalse(bytes.contains(secret), out.relativize(f) + " contains '" + secret + "'");
                }
            }
        }
    }
}
