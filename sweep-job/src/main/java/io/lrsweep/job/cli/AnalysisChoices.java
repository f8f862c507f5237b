package io.lrsweep.job.cli;

import io.lrsweep.core.sweep.AnalysisSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.function.UnaryOperator;

/**
 * The analysis options {@code run}, {@code report} and {@code lr-find} share: they override the
 * sweep file's {@code analysis} block (for {@code run}, in the resolved sweep.json too, so that a
 * later {@code report} reads the same way). A bad value is refused with the option's name and what
 * is allowed, before anything is read or written.
 */
final class AnalysisChoices {

    @Option(names = "--metric", paramLabel = "NAME", description = "The metric that ranks settings and shapes the "
            + "U-curve: val_loss, val_accuracy, loss or accuracy (default: the sweep file's, else val_loss).")
    String metric;

    @Option(names = "--target-accuracy", paramLabel = "A", description = "The val_accuracy \"epochs to target\" waits "
            + "for, in (0, 1] (default: the sweep file's, else 0.8).")
    Double targetAccuracy;

    @Option(names = "--basin-tolerance", paramLabel = "T", description = "The basin holds the learning rates within "
            + "this fraction of the best (default: the sweep file's, else 0.1).")
    Double basinTolerance;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The changes the options make to a sweep's analysis settings, checked now. */
    UnaryOperator<AnalysisSpec> changes() {
        apply(AnalysisSpec.defaults());
        return this::apply;
    }

    private AnalysisSpec apply(AnalysisSpec a) {
        AnalysisSpec out = a;
        if (metric != null) {
            try {
                out = out.withMetric(AnalysisSpec.metric(metric));
            } catch (IllegalArgumentException e) {
                throw bad("--metric must be one of " + String.join(", ", AnalysisSpec.METRICS) + ", got '" + metric + "'");
            }
        }
        if (targetAccuracy != null) {
            if (!(targetAccuracy > 0.0 && targetAccuracy <= 1.0)) {
                throw bad("--target-accuracy must be a number in (0, 1], got " + targetAccuracy);
            }
            out = out.withTargetAccuracy(targetAccuracy);
        }
        if (basinTolerance != null) {
            if (!(basinTolerance >= 0.0) || basinTolerance.isInfinite()) {
                throw bad("--basin-tolerance must be a finite number >= 0, got " + basinTolerance);
            }
            out = out.withBasinTolerance(basinTolerance);
        }
        return out;
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
