package io.lrsweep.job.run;

import java.util.List;

/**
 * What a run counts as it goes, over summary rows only: the grid's trials committed (resumed and
 * run), trials set aside (not of the grid), and the statuses of the trials run now.
 */
final class Tally {

    private final GridTrials grid;
    private int committed;
    private int setAside;
    private int ok;
    private int diverged;
    private int saturated;
    private int stalled;
    private int failed;

    Tally(GridTrials grid) {
        this.grid = grid;
    }

    /** A row found committed before this run. */
    void resumed(TrialRow r) {
        if (grid.contains(r.trialId())) {
            committed++;
        } else {
            setAside++;
        }
    }

    /** The rows of a wave this run committed (all of the grid). */
    void ran(List<TrialRow> rows) {
        for (TrialRow r : rows) {
            committed++;
            switch (r.status()) {
                case "ok" -> ok++;
                case "diverged" -> diverged++;
                case "saturated" -> saturated++;
                case "stalled" -> stalled++;
                default -> failed++;
            }
        }
    }

    /** Trials of the grid committed so far. */
    int committed() {
        return committed;
    }

    RunSummary summary(OutputLayout layout, int resumed, int ran, CommittedWaves.Verification found,
                       List<CommittedWaves.Wave> waves, GridTrials grid) {
        CommittedWaves.Verification now = new CommittedWaves.Verification(waves, found.bad(), found.problems(),
                found.finishedIds(), found.trials() + ran);
        AnalysisInput analysis = AnalysisInput.of(grid, now, committed, setAside, List.of());
        return new RunSummary(layout.root().toString(), grid.size(), resumed, ran, ok, diverged, saturated, stalled, failed,
                setAside, analysis);
    }
}
