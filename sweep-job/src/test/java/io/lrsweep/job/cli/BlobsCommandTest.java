package io.lrsweep.job.cli;

import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lrsweep dataset blobs}: the CSV parses back to core's make_blobs bit for bit; bad values name the option. */
class BlobsCommandTest {

    @TempDir
    Path dir;

    @Test
    void csvParsesBackToTheSameBits() throws IOException {
        Path file = dir.resolve("sub/blobs.csv");
        Cli cli = Cli.run("dataset", "blobs", "--samples", "250", "--centers", "4", "--features", "3", "--std", "1.5",
                "--random-state", "11", "--out", file.toString());
        assertEquals(0, cli.status(), cli::toString);
        assertTrue(cli.out().contains("250 rows, 3 features, 4 classes"), cli::toString);

        Dataset expected = Blobs.generate(new BlobsSpec(250, 4, 3, 1.5, 11, true, 0.5, false));
        List<String> lines = Files.readAllLines(file);
        assertEquals("x0,x1,x2,label", lines.get(0));
        assertEquals(251, lines.size());
        double[] x = new double[250 * 3];
        int[] y = new int[250];
        for (int row = 0; row < 250; row++) {
            String[] cells = lines.get(row + 1).split(",");
            for (int j = 0; j < 3; j++) {
                x[row * 3 + j] = Double.parseDouble(cells[j]);
            }
            y[row] = Integer.parseInt(cells[3]);
        }
        // assertArrayEquals on doubles compares bit patterns (doubleToLongBits).
        assertArrayEquals(expected.features(), x);
        assertArrayEquals(expected.labels(), y);
    }

    @Test
    void defaultsAreTheReferenceProblem() throws IOException {
        Path file = dir.resolve("reference.csv");
        Cli cli = Cli.run("dataset", "blobs", "--out", file.toString());
        assertEquals(0, cli.status(), cli::toString);
        Path expected = dir.resolve("expected.csv");
        Blobs.toCsv(Blobs.generate(BlobsSpec.reference()), expected);
        assertEquals(Files.readString(expected), Files.readString(file));
    }

    @Test
    void noShuffleKeepsTheRowsGroupedByCluster() throws IOException {
        Path file = dir.resolve("grouped.csv");
        Cli cli = Cli.run("dataset", "blobs", "--samples", "6", "--no-shuffle", "--out", file.toString());
        assertEquals(0, cli.status(), cli::toString);
        List<String> labels = Files.readAllLines(file).stream().skip(1).map(l -> l.substring(l.lastIndexOf(',') + 1)).toList();
        assertEquals(List.of("0", "0", "1", "1", "2", "2"), labels);
    }

    @Test
    void existingFileNeedsOverwrite() throws IOException {
        Path file = dir.resolve("taken.csv");
        Files.writeString(file, "keep me");
        Cli refused = Cli.run("dataset", "blobs", "--samples", "10", "--out", file.toString());
        assertEquals(2, refused.status(), refused::toString);
        assertTrue(refused.err().contains("already exists; pass --overwrite"), refused::toString);
        assertEquals("keep me", Files.readString(file));
        Cli replaced = Cli.run("dataset", "blobs", "--samples", "10", "--out", file.toString(), "--overwrite");
        assertEquals(0, replaced.status(), replaced::toString);
        assertEquals(11, Files.readAllLines(file).size());
    }

    @Test
    void negativeSamplesNamesTheOption() {
        Path file = dir.resolve("never.csv");
        Cli cli = Cli.run("dataset", "blobs", "--samples", "-1", "--out", file.toString());
        assertEquals(2, cli.status(), cli::toString);
        assertTrue(cli.err().contains("--samples must be an integer >= 2, got -1"), cli::toString);
        assertFalse(Files.exists(file));
    }

    @Test
    void otherBadValuesNameTheirOptions() {
        String out = dir.resolve("never.csv").toString();
        assertRefused("--std must be a finite number >= 0, got NaN", "--std", "NaN", "--out", out);
        assertRefused("--centers must be an integer >= 1, got 0", "--centers", "0", "--out", out);
        assertRefused("--features must be an integer >= 1, got 0", "--features", "0", "--out", out);
        assertRefused("--random-state must be an integer in [0, 4294967295], got -3", "--random-state", "-3", "--out", out);
        assertRefused("'--samples'", "--samples", "many", "--out", out);
        assertRefused("Missing required option: '--out=FILE.csv'");
        assertFalse(Files.exists(dir.resolve("never.csv")));
    }

    private static void assertRefused(String message, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "dataset";
        args[1] = "blobs";
        System.arraycopy(options, 0, args, 2, options.length);
        Cli cli = Cli.run(args);
        assertEquals(2, cli.status(), cli::toString);
        assertTrue(cli.err().contains(message), () -> "expected '" + message + "' in " + cli);
    }
}
