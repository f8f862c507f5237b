package io.lrsweep.job.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.SweepSpecException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a sweep file for a command, with the command line's {@code --seeds} and
 * {@code --allow-large} applied. The size limit is checked after {@code --seeds}, so that fewer
 * seeds can bring a large grid under it.
 */
final class SweepFiles {

    private SweepFiles() {}

    static SweepSpec load(CommandLine cmd, Path file, Integer seeds, boolean allowLarge) {
        if (seeds != null && (seeds < 1 || seeds > SweepSpec.MAX_COUNT)) {
            throw new ParameterException(cmd, "--seeds must be an integer in [1, " + SweepSpec.MAX_COUNT + "], got " + seeds);
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // A directory, a device, a FIFO: reading one would fail obscurely or block for ever.
            throw new BadInputException("sweep file " + file + " is not a regular file");
        }
        SweepSpec spec;
        try {
            spec = SweepParser.parse(file, true);
        } catch (NoSuchFileException e) {
            throw new BadInputException("sweep file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new BadInputException("cannot read sweep file " + file + ": " + e, e);
        } catch (SweepSpecException e) {
            if (e.field().isEmpty() || e.getCause() instanceof JsonProcessingException) {
                // Not valid JSON, or a problem with the document as a whole: name the file too.
                throw new BadInputException(file + ": " + e.getMessage(), e);
            }
            throw e;
        }
        if (seeds != null) {
            spec = spec.withSeeds(seeds);
        }
        long trials = spec.trialCount();
        if (!allowLarge && trials > SweepSpec.MAX_TRIALS) {
            throw new SweepSpecException("grid", "grid expands to " + trials + " trials (with " + spec.seeds().size()
                    + " seeds), more than the limit of " + SweepSpec.MAX_TRIALS
                    + "; shrink the grid, use fewer --seeds, or pass --allow-large");
        }
        return spec.checkSize(allowLarge);
    }
}
