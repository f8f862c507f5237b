package io.lrsweep.job.cli;

import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import io.lrsweep.job.run.WriteFailures;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/**
 * {@code lrsweep dataset blobs}: scikit-learn's make_blobs, bit for bit (core's {@link Blobs}), as
 * CSV {@code x0..x{F-1},label}. The file is written beside its destination and moved into place,
 * so an interrupted write never leaves half a file under the requested name.
 */
@Command(name = "blobs", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write scikit-learn make_blobs data (integer centers, center box (-10, 10)) as CSV with the "
                + "header x0,...,x{F-1},label; every value parses back to the identical double.")
final class BlobsCommand implements Callable<Integer> {

    private static final BlobsSpec REFERENCE = BlobsSpec.reference();

    @Option(names = "--samples", paramLabel = "N", description = "Number of rows, >= 2 (default: 1000).")
    int samples = REFERENCE.samples();

    @Option(names = "--centers", paramLabel = "C", description = "Number of clusters, the classes, >= 1 (default: 3).")
    int centers = REFERENCE.centers();

    @Option(names = "--features", paramLabel = "F", description = "Number of features, >= 1 (default: 2).")
    int features = REFERENCE.features();

    @Option(names = "--std", paramLabel = "S", description = "Cluster standard deviation, finite and >= 0 (default: 2.0).")
    double std = REFERENCE.std();

    @Option(names = "--random-state", paramLabel = "R", description = "numpy RandomState seed, 0 to 2^32-1 (default: 2).")
    long randomState = REFERENCE.randomState();

    // Picocli's negatable options invert the default: named by the form that turns shuffling off.
    @Option(names = "--no-shuffle", negatable = true,
            description = "Shuffle the rows, as make_blobs does by default; --no-shuffle keeps them grouped by cluster.")
    boolean shuffle = REFERENCE.shuffle();

    @Option(names = "--out", paramLabel = "FILE.csv", required = true, description = "The CSV file to write.")
    Path out;

    @Option(names = "--overwrite", description = "Replace the file if it exists.")
    boolean overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        BlobsSpec blobs = checkedSpec();
        if (Files.isDirectory(out)) {
            throw new BadInputException("--out " + out + " is a directory; give a file name");
        }
        if (Files.exists(out) && !overwrite) {
            throw new BadInputException("--out " + out + " already exists; pass --overwrite to replace it");
        }
        Dataset data = Blobs.generate(blobs);
        write(data);
        spec.commandLine().getOut().println("wrote " + out + ": " + data.rows() + " rows, " + data.featureCount()
                + " features, " + data.classCount() + " classes");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** The spec, each bad value reported by its option name rather than core's sweep-file field name. */
    private BlobsSpec checkedSpec() {
        if (samples < 2) {
            throw bad("--samples must be an integer >= 2, got " + samples);
        }
        if (centers < 1) {
            throw bad("--centers must be an integer >= 1, got " + centers);
        }
        if (features < 1) {
            throw bad("--features must be an integer >= 1, got " + features);
        }
        if (!(std >= 0.0) || Double.isInfinite(std)) {
            throw bad("--std must be a finite number >= 0, got " + std);
        }
        if (randomState < 0 || randomState > 0xFFFF_FFFFL) {
            throw bad("--random-state must be an integer in [0, 4294967295], got " + randomState);
        }
        if ((long) samples * features > Integer.MAX_VALUE - 8) {
            throw bad("--samples x --features must be at most " + (Integer.MAX_VALUE - 8) + " values, got "
                    + samples + " x " + features);
        }
        return new BlobsSpec(samples, centers, features, std, randomState, shuffle, REFERENCE.trainFraction(), false);
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private void write(Dataset data) throws IOException {
        Path target = out.toAbsolutePath();
        Path tmp;
        try {
            // A path that cannot hold the file (under a file, unwritable, /proc) is bad input: nothing written.
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        } catch (IOException e) {
            throw new BadInputException("--out " + out + " cannot be written: " + describe(e), e);
        }
        try {
            Blobs.toCsv(data, tmp);
            move(tmp, target);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(new IOException(WriteFailures.describe("writing --out " + out, e), e));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException) {
            return e.getMessage() + " is in the way (a file, not a directory)";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied on " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void move(Path tmp, Path target) throws IOException {
        try {
            if (overwrite) {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // Without --overwrite a file that appeared meanwhile is still not replaced.
                Files.move(tmp, target);
            }
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException("--out " + out + " already exists; pass --overwrite to replace it", e);
        }
    }
}
