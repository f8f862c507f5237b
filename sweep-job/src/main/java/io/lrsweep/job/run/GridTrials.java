package io.lrsweep.job.run;

import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.TrialSpec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The trials of the sweep as it stands: the grid of {@code sweep.json} on the data of
 * {@code data.json}, by trial id. A directory can hold more (trials of an earlier grid, earlier
 * epochs or earlier data, kept by {@code --resume}); those are set aside, never counted in the best
 * setting or the report. The runner gives this to the analysis, which looks nothing up by itself.
 *
 * @param spec        the sweep
 * @param dataContent the data's SHA-256 ({@link DataManifest}), part of every id
 * @param trials      the grid's trials in the sweep's order, with their ids
 */
public record GridTrials(SweepSpec spec, String dataContent, List<TrialSpec> trials, Set<String> ids) {

    public static GridTrials of(SweepSpec spec, String dataContent) {
        List<TrialSpec> trials = spec.trials(dataContent);
        Set<String> ids = new HashSet<>(trials.size() * 2);
        for (TrialSpec t : trials) {
            ids.add(t.trialId());
        }
        return new GridTrials(spec, dataContent, trials, ids);
    }

    public boolean contains(String trialId) {
        return ids.contains(trialId);
    }

    public int size() {
        return trials.size();
    }
}
