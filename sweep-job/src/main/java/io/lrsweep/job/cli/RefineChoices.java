package io.lrsweep.job.cli;

import io.lrsweep.job.analysis.RefinementPlanner;
import io.lrsweep.job.refine.RefineOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The refinement options {@code refine} and {@code run --refine} share, checked before anything is read or written. */
final class RefineChoices {

    @Option(names = "--rounds", paramLabel = "R", description = "At most R refinement rounds (default: "
            + RefineOptions.DEFAULT_ROUNDS + ").")
    Integer rounds;

    @Option(names = "--points", paramLabel = "P", description = "Learning rates added per setup and round, log-spaced "
            + "strictly between the best lr's neighbours (default: " + RefinementPlanner.DEFAULT_POINTS + ").")
    Integer points;

    @Option(names = "--resolution", paramLabel = "D", description = "A setup is done when the best lr's neighbours are "
            + "less than D decades apart (default: " + RefinementPlanner.DEFAULT_RESOLUTION + ").")
    Double resolution;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** Whether any of the options was given. */
    boolean given() {
        return rounds != null || points != null || resolution != null;
    }

    RefineOptions options() {
        RefineOptions d = RefineOptions.defaults();
        try {
            return new RefineOptions(rounds != null ? rounds : d.rounds(), points != null ? points : d.points(),
                    resolution != null ? resolution : d.resolution());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
