package io.lrsweep.job.badinput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bad-input corpus: its index and files, copied to a scratch directory with the placeholders
 * filled in ({@code {corpus}}, {@code {out}}, {@code {blank}}; see index.tsv's header).
 */
final class Corpus {

    /** One row of index.tsv. */
    record Case(String id, int status, String fragment, String args) {

        String[] arguments(Path corpus, Path out) {
            if (args.equals("-")) {
                return new String[0];
            }
            return Stream.of(args.split(" "))
                    .map(a -> a.replace("{corpus}", corpus.toString()).replace("{out}", out.toString()).replace("{blank}", " "))
                    .toArray(String[]::new);
        }

        String fragment(Path corpus) {
            return fragment.replace("{corpus}", corpus.toString());
        }
    }

    /** Bytes of the generated sweep file: past SweepParser's limit of 1 MiB. */
    private static final int VERY_LARGE_BYTES = (1 << 20) + 4096;

    private Corpus() {}

    /** Copies the corpus to {@code to}, fills in {corpus} in the sweep files and writes the generated ones. */
    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted().toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (f.getFileName().toString().endsWith(".json") && isText(f)) {
                    Files.writeString(target, Files.readString(f).replace("{corpus}", to.toString()));
                } else {
                    Files.copy(f, target);
                }
            }
        }
        // A valid sweep padded with whitespace to beyond the size limit: refused by its size alone.
        String good = Files.readString(to.resolve("sweeps/good.json"));
        Files.writeString(to.resolve("sweeps/generated-very-large.json"), " ".repeat(VERY_LARGE_BYTES) + good);
        wideCsv(to.resolve("data/generated-wide.csv"));
        tornParquet(to.resolve("data"));
        return to;
    }

    /** A CSV whose header names a million columns (and one more, the label). */
    private static void wideCsv(Path file) throws IOException {
        StringBuilder header = new StringBuilder(8 << 20);
        for (int i = 0; i < 1_000_000; i++) {
            header.append('c').append(i).append(',');
        }
        header.append("label\n");
        Files.writeString(file, header);
    }

    /**
     * A good Parquet file written by DuckDB, then two damaged copies: cut short (no closing magic), and
     * a footer that no longer fits the file (its first half with the original closing length and magic).
     */
    private static void tornParquet(Path dir) throws IOException {
        Path good = dir.resolve("generated-good.parquet");
        try (java.sql.Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement s = duck.createStatement()) {
            s.execute("COPY (SELECT range * 0.5 AS x0, range % 2 AS label FROM range(40)) TO '"
                    + good.toString().replace("'", "''") + "' (FORMAT PARQUET)");
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        }
        byte[] bytes = Files.readAllBytes(good);
        Files.write(dir.resolve("generated-truncated.parquet"), java.util.Arrays.copyOf(bytes, bytes.length - 100));
        byte[] broken = new byte[bytes.length / 2 + 8];
        System.arraycopy(bytes, 0, broken, 0, bytes.length / 2);
        System.arraycopy(bytes, bytes.length - 8, broken, bytes.length / 2, 8);
        Files.write(dir.resolve("generated-bad-footer.parquet"), broken);
        Files.delete(good);
    }

    static List<Case> cases(Path index) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4) {
                throw new IllegalArgumentException("index.tsv: 4 tab-separated columns expected in: " + line);
            }
            cases.add(new Case(f[0], Integer.parseInt(f[1]), f[2], f[3]));
        }
        return cases;
    }

    /** Every file and directory under {@code root} with its size and modification time. */
    static List<String> listing(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> {
                try {
                    return root.relativize(p) + " " + (Files.isRegularFile(p) ? Files.size(p) : -1) + " "
                            + Files.getLastModifiedTime(p).toMillis();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the file is valid UTF-8 (binary.json is not, on purpose, and is copied byte for byte). */
    private static boolean isText(Path f) throws IOException {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(f)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
