package io.lrsweep.job.report;

import io.lrsweep.core.train.TrialStatus;

import java.awt.Color;
import java.awt.Shape;
import java.util.List;

/** How each outcome class other than ok is marked in figures: a shape and a colour of its own. */
final class OutcomeMarks {
    /** The classes that get a mark, in legend order. */
    static final List<TrialStatus> CLASSES = List.of(TrialStatus.DIVERGED, TrialStatus.SATURATED, TrialStatus.STALLED,
            TrialStatus.FAILED);

    private OutcomeMarks() {}

    static Shape shape(TrialStatus s, double r) {
        return switch (s) {
            case DIVERGED -> Shapes.cross(r);
            case SATURATED -> Shapes.square(r * 0.8);
            case STALLED -> Shapes.triangleDown(r);
            case FAILED, OK -> Shapes.cross(r * 0.8);
        };
    }

    static Color color(TrialStatus s) {
        return switch (s) {
            case DIVERGED -> new Color(0xD62728);
            case SATURATED -> new Color(0x7B3294);
            case STALLED -> new Color(0x8C6D31);
            case FAILED, OK -> Color.DARK_GRAY;
        };
    }
}
