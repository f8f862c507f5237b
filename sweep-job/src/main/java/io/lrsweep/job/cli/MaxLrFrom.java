package io.lrsweep.job.cli;

import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.core.sweep.TrialSpec;
import io.lrsweep.job.table.SweepDirectory;
import io.lrsweep.job.lrfind.LrFindSchemas;
import io.lrsweep.job.lrfind.LrFindSuggestion;
import io.lrsweep.job.lrfind.LrFindTables;
import org.apache.hadoop.conf.Configuration;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code run --max-lr-from DIR}: the sweep's learning-rate axis becomes the range tests' suggestions
 * found in {@code DIR/lr_find} (what {@code lrsweep lr-find} wrote there), one per setup of the
 * sweep (optimizer and momentum, as lr-find tests them), each the median over seeds of the
 * steepest-descent lr, rounded to 3 significant digits so that the trials' ids do not hang on the
 * last bits of a logarithm. Meant for a {@code one_cycle} schedule, whose peak (max_lr) is the
 * grid's learning rate. When the setups' suggestions differ, every setup runs at every one of them
 * (the grid crosses its axes): each setup's own suggestion is among its trials. Refused (status 2)
 * when DIR has no range test for one of the sweep's setups, or one could not be read.
 */
final class MaxLrFrom {
    private static final MathContext DIGITS = new MathContext(3);

    private MaxLrFrom() {}

    /** Before Spark starts: the range test's tables are read straight from Parquet. */
    static SweepSpec apply(Configuration conf, SweepSpec sweep, String dir) {
        SweepDirectory d = new SweepDirectory(conf, dir);
        if (!d.hasTable(LrFindSchemas.SUMMARY)) {
            throw new BadInputException("--max-lr-from " + dir + " holds no range test (" + LrFindSchemas.SUMMARY
                    + "); run lrsweep lr-find SWEEP.json --out " + dir + " first");
        }
        List<LrFindSuggestion> suggestions = LrFindSuggestion.aggregate(LrFindTables.readings(d, null));
        Map<String, TrialSpec> setups = new LinkedHashMap<>();
        for (TrialSpec t : sweep.trials()) {
            setups.putIfAbsent(LrFindSuggestion.label(t.optimizerName(), t.momentum()), t);
        }
        List<Double> learningRates = new ArrayList<>();
        for (Map.Entry<String, TrialSpec> setup : setups.entrySet()) {
            TrialSpec t = setup.getValue();
            LrFindSuggestion s = suggestions.stream().filter(x -> x.matches(t.optimizerName(), t.momentum())).findFirst()
                    .orElseThrow(() -> new BadInputException("--max-lr-from " + dir + " has no range test for " + setup.getKey()
                            + " (it has " + suggestions.stream().map(LrFindSuggestion::label).toList()
                            + "); run lrsweep lr-find with this sweep file"));
            if (s.steepestLr() == null) {
                throw new BadInputException("--max-lr-from " + dir + ": the range test of " + setup.getKey()
                        + " could not be read on any seed (its curves stopped too early); widen its lr range or use more updates");
            }
            double lr = new BigDecimal(s.steepestLr()).round(DIGITS).doubleValue();
            if (!learningRates.contains(lr)) {
                learningRates.add(lr);
            }
        }
        return sweep.withLearningRates(learningRates);
    }
}
