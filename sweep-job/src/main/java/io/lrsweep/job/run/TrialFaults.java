package io.lrsweep.job.run;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.sweep.TrialSpec;

/**
 * A fault-injection hook for tests, inert unless the JVM that trains a trial (an executor; in local
 * mode the driver) has the system property {@value #PROPERTY}: a comma-separated list of seeds.
 *
 * <p>A trial with one of those seeds is handed an empty validation set, which core's trainer
 * refuses by throwing inside its own guard. The trial then takes the real path of a trial whose
 * code throws (status {@code failed}, the exception's message in {@code error}, the sweep goes on)
 * with no test branch in core. Nothing else can make a trial throw on purpose: the sweep file, the
 * data and the model are validated on the driver before any trial runs.
 */
final class TrialFaults {

    static final String PROPERTY = "lrsweep.test.failing-seeds";

    private TrialFaults() {}

    /** The validation set the trial trains against: the real one unless the trial is made to fail. */
    static Dataset validation(TrialSpec trial, PreparedData data) {
        String seeds = System.getProperty(PROPERTY);
        if (seeds == null || !selects(seeds, trial.seed())) {
            return data.validation();
        }
        Dataset v = data.validation();
        return new Dataset(new double[0], new int[0], 0, v.featureCount(), v.classCount());
    }

    private static boolean selects(String seeds, long seed) {
        for (String s : seeds.split(",")) {
            if (s.strip().equals(Long.toString(seed))) {
                return true;
            }
        }
        return false;
    }
}
