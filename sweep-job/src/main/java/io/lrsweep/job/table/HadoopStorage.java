package io.lrsweep.job.table;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.util.HadoopInputFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** An output directory on any Hadoop file system (HDFS, S3A, ...). */
final class HadoopStorage implements Storage {
    private final Configuration conf;
    private final FileSystem fs;
    private final Path root;

    HadoopStorage(Configuration conf, Path dir) {
        this.conf = conf;
        try {
            FileSystem any = dir.getFileSystem(conf);
            // A checksummed file system keeps a hidden .crc beside every file it writes: not for files people copy.
            this.fs = any instanceof ChecksumFileSystem checked ? checked.getRawFileSystem() : any;
            this.root = any.makeQualified(dir);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(dir + " is not a usable path: " + e.getMessage(), e);
        }
    }

    private Path at(String relative) {
        return relative.isEmpty() ? root : new Path(root, relative);
    }

    @Override
    public boolean exists(String relative) {
        try {
            return fs.exists(at(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at " + at(relative), e);
        }
    }

    @Override
    public List<Part> parts(String relative) {
        Path dir = at(relative);
        try {
            if (!fs.exists(dir) || !fs.getFileStatus(dir).isDirectory()) {
                return List.of();
            }
            List<FileStatus> files = new ArrayList<>(Arrays.asList(fs.listStatus(dir,
                    p -> p.getName().endsWith(".parquet") && !p.getName().startsWith(".") && !p.getName().startsWith("_"))));
            files.sort(Comparator.comparing(f -> f.getPath().getName()));
            List<Part> parts = new ArrayList<>();
            for (FileStatus f : files) {
                parts.add(new Part(f.getPath().toString(), HadoopInputFile.fromStatus(f, conf)));
            }
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    @Override
    public String readText(String relative) {
        Path p = at(relative);
        try {
            if (!fs.exists(p)) {
                return null;
            }
            try (InputStream in = fs.open(p)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    @Override
    public void write(String relative, byte[] bytes) {
        Path target = at(relative);
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
        try {
            fs.mkdirs(target.getParent());
            try (OutputStream out = fs.create(tmp, true)) {
                out.write(bytes);
            }
            fs.delete(target, false);
            if (!fs.rename(tmp, target)) {
                throw new IOException("could not rename " + tmp + " to " + target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    @Override
    public void delete(String relative) {
        try {
            fs.delete(at(relative), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + at(relative), e);
        }
    }

    @Override
    public String shown(String relative) {
        Path p = at(relative);
        return "file".equals(p.toUri().getScheme()) ? p.toUri().getPath() : p.toString();
    }

    @Override
    public String uri(String relative) {
        return at(relative).toString();
    }

    @Override
    public String name() {
        return root.getName();
    }

    @Override
    public ParquetConfiguration parquet() {
        return new HadoopParquetConfiguration(conf);
    }
}
