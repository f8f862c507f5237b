package io.lrsweep.core.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rounds of learning-rate refinement ({@code lrsweep refine}) that grew a sweep's grid: which
 * values of {@code grid.learning_rate} each round added, with what settings, and which setup asked
 * for which of them. Values in no round are the sweep file's own (round 0). Recorded in
 * {@code sweep.json} as its {@code refinement} block, so that {@code --resume} and {@code report}
 * read the refined grid as the sweep's grid. Not part of any trial id: a trial of a refined lr is
 * the trial the same lr would be in any grid.
 *
 * <p>The grid has one learning-rate axis shared by every setup, so a round adds the <b>union</b> of
 * what the setups asked for, and every setup runs every value ({@link #LR_AXIS}): finished cells
 * are found by trial id and never rerun, and the grid stays a cross product that {@code --resume},
 * {@code report} and other tools read as they read any sweep.
 *
 * @param rounds the rounds in order, numbered 1, 2, ...
 */
public record Refinement(List<Round> rounds) {

    /** How refined values reach the setups: every setup runs the union of what the setups asked for. */
    public static final String LR_AXIS = "union";

    /** No refinement. */
    public static final Refinement NONE = new Refinement(List.of());

    /**
     * One round.
     *
     * @param round         its number, from 1
     * @param points        learning rates asked for between the best lr's neighbours, per setup
     * @param resolution    the bracket width (decades of lr) below which a setup was not refined
     * @param learningRates the values it added to {@code grid.learning_rate}, ascending
     * @param setups        which setup asked for which of them
     */
    public record Round(int round, int points, double resolution, List<Double> learningRates, List<Asked> setups) {
        public Round {
            if (points < 1) {
                throw new IllegalArgumentException("points must be an integer >= 1, got " + points);
            }
            if (!(resolution > 0.0) || Double.isInfinite(resolution)) {
                throw new IllegalArgumentException("resolution must be a finite number > 0, got " + resolution);
            }
            learningRates = List.copyOf(learningRates);
            setups = List.copyOf(setups);
            if (learningRates.isEmpty()) {
                throw new IllegalArgumentException("learning_rate must be a non-empty list");
            }
            Set<Double> added = new HashSet<>(learningRates);
            if (added.size() != learningRates.size()) {
                throw new IllegalArgumentException("learning_rate repeats a value (each value is added once)");
            }
            Set<Double> asked = new LinkedHashSet<>();
            for (Asked a : setups) {
                asked.addAll(a.learningRates());
            }
            if (!asked.equals(added)) {
                throw new IllegalArgumentException("learning_rate must be exactly the values its setups asked for, got "
                        + learningRates + " for " + asked);
            }
        }
    }

    /**
     * What one setup asked for in a round.
     *
     * @param setup         the setup as the analysis names it (every setting but the lr)
     * @param bestLr        its best lr when the round was planned
     * @param learningRates the values it asked for
     */
    public record Asked(String setup, double bestLr, List<Double> learningRates) {
        public Asked {
            if (setup == null || setup.isBlank()) {
                throw new IllegalArgumentException("setup must name a setup");
            }
            if (!(bestLr > 0.0) || Double.isInfinite(bestLr)) {
                throw new IllegalArgumentException("best_lr must be a finite number > 0, got " + bestLr);
            }
            learningRates = List.copyOf(learningRates);
            if (learningRates.isEmpty()) {
                throw new IllegalArgumentException("learning_rate must be a non-empty list");
            }
        }
    }

    public Refinement {
        rounds = List.copyOf(rounds);
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < rounds.size(); i++) {
            Round r = rounds.get(i);
            if (r.round() != i + 1) {
                throw new IllegalArgumentException("rounds[" + i + "] must be round " + (i + 1) + ", got " + r.round());
            }
            for (double lr : r.learningRates()) {
                if (!seen.add(lr)) {
                    throw new IllegalArgumentException("rounds[" + i + "] adds " + lr + ", which an earlier round added");
                }
            }
        }
    }

    /** Every value the rounds added. */
    public Set<Double> added() {
        Set<Double> out = new LinkedHashSet<>();
        rounds.forEach(r -> out.addAll(r.learningRates()));
        return out;
    }

    /** The round that added {@code lr}: 0 for the sweep file's own values. */
    public int roundOf(double lr) {
        for (Round r : rounds) {
            if (r.learningRates().contains(lr)) {
                return r.round();
            }
        }
        return 0;
    }

    /** In how many rounds {@code setup} asked for learning rates. */
    public int roundsOf(String setup) {
        int n = 0;
        for (Round r : rounds) {
            if (r.setups().stream().anyMatch(a -> a.setup().equals(setup))) {
                n++;
            }
        }
        return n;
    }

    /** This refinement with {@code round} after its rounds. */
    public Refinement then(Round round) {
        List<Round> out = new ArrayList<>(rounds);
        out.add(round);
        return new Refinement(out);
    }

    /** Refuses a refinement whose values are not all on {@code grid}'s learning-rate axis. */
    void check(Grid grid) {
        if (rounds.isEmpty()) {
            return;
        }
        if (grid.learningRates() == null) {
            throw SweepSpecException.at(RefinementSection.PATH, "refines grid.learning_rate, which the grid does not give");
        }
        Set<Double> axis = new HashSet<>(grid.learningRates());
        for (Round r : rounds) {
            for (double lr : r.learningRates()) {
                if (!axis.contains(lr)) {
                    throw SweepSpecException.at(RefinementSection.PATH + ".rounds[" + (r.round() - 1) + "].learning_rate",
                            "holds " + lr + ", which grid.learning_rate does not: a refined value is a value of the grid");
                }
            }
        }
    }
}
