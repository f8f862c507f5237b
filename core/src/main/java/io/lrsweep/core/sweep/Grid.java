package io.lrsweep.core.sweep;

import io.lrsweep.core.optim.Optimizers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The axes of a sweep; the trials are their cross product times the seeds (see
 * {@link SweepSpec#trials()} for the order).
 *
 * <p>{@code learningRates} is null when the sweep gives no learning-rate axis: each optimizer then
 * runs at its own base learning rate ({@link OptimizerTemplates}), which is how "every optimizer at
 * its defaults" is written. {@code momenta} applies to sgd only. A null entry of {@code patiences}
 * means "no plateau controller". Every axis is non-empty and free of duplicates, because a duplicate
 * would be the same trial twice under two indices.
 */
public record Grid(List<String> optimizers, List<Double> learningRates, List<Double> momenta, List<Double> decays,
                   List<Integer> patiences) {

    public Grid {
        optimizers = checked("grid.optimizer", optimizers);
        for (int i = 0; i < optimizers.size(); i++) {
            if (optimizers.get(i) == null || !Optimizers.NAMES.contains(optimizers.get(i))) {
                throw SweepSpecException.at("grid.optimizer[" + i + "]",
                        "must be one of " + Optimizers.NAMES + ", got '" + optimizers.get(i) + "'");
            }
        }
        if (learningRates != null) {
            learningRates = checked("grid.learning_rate", learningRates);
            for (int i = 0; i < learningRates.size(); i++) {
                Double lr = learningRates.get(i);
                if (lr == null || !(lr > 0.0) || lr.isInfinite()) {
                    throw SweepSpecException.at("grid.learning_rate[" + i + "]", "must be a finite number > 0, got " + lr);
                }
            }
        }
        momenta = checked("grid.momentum", normalized(momenta));
        for (int i = 0; i < momenta.size(); i++) {
            Double m = momenta.get(i);
            if (m == null || !(m >= 0.0 && m < 1.0)) {
                throw SweepSpecException.at("grid.momentum[" + i + "]", "must be in [0, 1), got " + m);
            }
        }
        decays = checked("grid.decay", normalized(decays));
        for (int i = 0; i < decays.size(); i++) {
            Double d = decays.get(i);
            if (d == null || !(d >= 0.0) || d.isInfinite()) {
                throw SweepSpecException.at("grid.decay[" + i + "]", "must be a finite number >= 0, got " + d);
            }
        }
        patiences = checked("grid.patience", patiences);
        for (int i = 0; i < patiences.size(); i++) {
            Integer p = patiences.get(i);
            if (p != null && p < 0) {
                throw SweepSpecException.at("grid.patience[" + i + "]",
                        "must be an integer >= 0, or null for no plateau controller, got " + p);
            }
        }
    }

    /** The defaults: sgd, no learning-rate axis, momentum 0, decay 0, no plateau controller. */
    public static Grid defaults() {
        return new Grid(List.of("sgd"), null, List.of(0.0), List.of(0.0), Collections.singletonList(null));
    }

    /** Whether any trial runs a plateau controller. */
    public boolean usesPlateau() {
        return patiences.stream().anyMatch(p -> p != null);
    }

    /** The momentum axis as it applies to {@code optimizer}: itself where it has momentum, a single null otherwise. */
    List<Double> momentaFor(String optimizer) {
        return Optimizers.named(optimizer).has("momentum") ? momenta : Collections.singletonList(null);
    }

    /** An unmodifiable copy that may hold nulls, checked non-empty and free of duplicates. */
    private static <T> List<T> checked(String field, List<T> values) {
        if (values == null || values.isEmpty()) {
            throw SweepSpecException.at(field, "must be a non-empty list");
        }
        List<T> copy = Collections.unmodifiableList(new ArrayList<>(values));
        Set<T> seen = new HashSet<>();
        for (int i = 0; i < copy.size(); i++) {
            if (!seen.add(copy.get(i))) {
                throw SweepSpecException.at(field + "[" + i + "]",
                        "repeats the value " + copy.get(i) + " (each axis value may appear once)");
            }
        }
        return copy;
    }

    /** -0.0 becomes 0.0, so that it is neither a distinct axis value nor a distinct trial id. */
    private static List<Double> normalized(List<Double> values) {
        if (values == null) {
            return null;
        }
        List<Double> out = new ArrayList<>(values.size());
        for (Double v : values) {
            out.add(v == null ? null : v + 0.0);
        }
        return out;
    }
}
