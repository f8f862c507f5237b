package io.lrsweep.job.run;

import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the analysis and the report are given, decided here and nowhere else: the verified files of
 * trials/ and curves/ (torn waves left out), and which trials of them belong to the grid as it
 * stands ({@link GridTrials}: sweep.json's grid on data.json's data). Trials outside the grid are
 * set aside; the grid's trials not in the files are missing.
 *
 * @param grid       the grid's trials, or null when sweep.json or data.json is missing or unreadable
 *                   (an output of an older lrsweep): then every verified trial is analysed
 * @param trialFiles the verified trials/ files
 * @param curveFiles the verified curves/ files
 * @param present    trials of the grid found in the verified files
 * @param setAside   trials in the verified files that are not of the grid
 * @param problems   waves left out, each with its file and what is wrong
 * @param notes      what the report should say about all this (missing trials, set-aside ones, torn files)
 */
public record AnalysisInput(GridTrials grid, List<Path> trialFiles, List<Path> curveFiles, int present, int setAside,
                            List<CommittedWaves.Problem> problems, List<String> notes) {

    /** Trials of the grid with no row in the verified files. */
    public int missing() {
        return grid == null ? 0 : grid.size() - present;
    }

    /** Whether {@code trialId} is to be analysed: of the grid (every trial when the grid is unknown). */
    public boolean includes(String trialId) {
        return grid == null || grid.contains(trialId);
    }

    /** Reads the directory as {@code report} finds it: verifies every committed file, deleting nothing. */
    public static AnalysisInput read(OutputLayout layout, Configuration conf) throws IOException {
        List<String> notes = new ArrayList<>();
        GridTrials grid = grid(layout, notes);
        int[] counts = new int[2];
        CommittedWaves.Verification v = CommittedWaves.verify(layout, conf, row -> {
            if (grid == null || grid.contains(row.trialId())) {
                counts[0]++;
            } else {
                counts[1]++;
            }
        });
        for (CommittedWaves.Problem p : v.problems()) {
            notes.add(p.describe() + ": its wave is left out (lrsweep run --resume reruns its trials)");
        }
        return of(grid, v, counts[0], counts[1], notes);
    }

    static AnalysisInput of(GridTrials grid, CommittedWaves.Verification v, int present, int setAside, List<String> notes) {
        List<String> all = new ArrayList<>(notes);
        if (grid != null && present < grid.size()) {
            all.add((grid.size() - present) + " of the grid's " + grid.size() + " trials are missing (not run yet, or in a "
                    + "wave left out): the report shows the other " + present + "; lrsweep run --resume runs them");
        }
        if (setAside > 0) {
            all.add(setAside + " trials in trials/ are not of the grid as it stands (an earlier grid, epochs or data): "
                    + "set aside, not analysed");
        }
        return new AnalysisInput(grid, v.goodTrialFiles(), v.goodCurveFiles(), present, setAside, v.problems(), all);
    }

    /** The grid of sweep.json on the data of data.json, or null with a note saying why it is unknown. */
    private static GridTrials grid(OutputLayout layout, List<String> notes) throws IOException {
        String spec = layout.readText(layout.specFile());
        String data = layout.readText(layout.dataFile());
        if (spec == null || data == null) {
            notes.add("no " + (spec == null ? "sweep.json" : DataManifest.FILE) + " (an output of an older lrsweep?): every "
                    + "trial in trials/ is analysed, whatever grid or data it was run on");
            return null;
        }
        try {
            SweepSpec parsed = SweepParser.parse(spec, true);
            return GridTrials.of(parsed, DataManifest.parse(data).contentSha256());
        } catch (RuntimeException e) {
            notes.add("sweep.json or " + DataManifest.FILE + " cannot be read (" + e.getMessage() + "): every trial in "
                    + "trials/ is analysed");
            return null;
        }
    }
}
