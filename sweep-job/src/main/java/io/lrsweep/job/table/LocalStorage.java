package io.lrsweep.job.table;

import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.io.LocalInputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output directory on this machine, through java.nio: a report on a local directory then needs
 * no Hadoop configuration and file system set-up (a second of a report's few), and writes no
 * {@code .crc} files beside the ones people open and copy.
 */
final class LocalStorage implements Storage {
    private final Path root;

    LocalStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    private Path at(String relative) {
        return relative.isEmpty() ? root : root.resolve(relative);
    }

    @Override
    public boolean exists(String relative) {
        return Files.exists(at(relative));
    }

    @Override
    public List<Part> parts(String relative) {
        Path dir = at(relative);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Part> parts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".parquet") && !n.startsWith(".") && !n.startsWith("_") && Files.isRegularFile(f);
            }).sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .forEach(f -> parts.add(new Part(f.toString(), new LocalInputFile(f))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return parts;
    }

    @Override
    public String readText(String relative) {
        try {
            return Files.readString(at(relative), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + at(relative), e);
        }
    }

    @Override
    public void write(String relative, byte[] bytes) {
        Path target = at(relative);
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    @Override
    public void delete(String relative) {
        Path p = at(relative);
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(p)) {
            for (Path f : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }

    @Override
    public String shown(String relative) {
        return at(relative).toString();
    }

    @Override
    public String uri(String relative) {
        return at(relative).toUri().toString();
    }

    @Override
    public String name() {
        return root.getFileName() == null ? root.toString() : root.getFileName().toString();
    }

    @Override
    public ParquetConfiguration parquet() {
        return new PlainParquetConfiguration();
    }
}
