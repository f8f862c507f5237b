package io.lrsweep.job.cli;

import io.lrsweep.core.sweep.RefinedGrid;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.run.OutputLayout;

import java.io.PrintWriter;

/**
 * {@code run SWEEP.json --resume} into a directory whose grid {@code lrsweep refine} grew: when the
 * directory's sweep.json is SWEEP.json's sweep plus refinement rounds, the refined grid is the grid
 * that is resumed (an interrupted round is finished, nothing finished is rerun, and the refinement
 * stays recorded); when the sweep changed otherwise, SWEEP.json's grid is run as given.
 */
final class RefinedResume {

    private RefinedResume() {}

    static SweepSpec of(SweepSpec given, OutputLayout layout, PrintWriter out) {
        String dir = layout.shown();
        SweepSpec recorded;
        try {
            String json = layout.readText(layout.specFile());
            recorded = json == null ? null : SweepParser.parse(json, true);
        } catch (RuntimeException | java.io.IOException e) {
            // Unreadable or another version's: the runner writes SWEEP.json's sweep over it, as without refinement.
            return given;
        }
        SweepSpec refined = RefinedGrid.carriedOver(given, recorded);
        if (refined == null) {
            if (recorded != null && !recorded.refinement().rounds().isEmpty()) {
                out.println("note: " + dir + "/sweep.json records "
                        + RefineRounds.rounds(recorded.refinement().rounds().size()) + " of refinement of another sweep; the grid of the sweep file is run as given");
            }
            return given;
        }
        out.println("resuming the refined grid of " + dir + "/sweep.json: "
                + RefineRounds.rounds(refined.refinement().rounds().size()) + " of refinement, " + refined.grid().learningRates().size() + " learning rates");
        out.flush();
        return refined;
    }
}
