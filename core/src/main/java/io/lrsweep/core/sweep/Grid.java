package io.lrsweep.core.sweep;

import io.lrsweep.core.optim.OptimizerType;
import io.lrsweep.core.optim.Optimizers;
import io.lrsweep.core.schedule.Schedule;

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
 * its defaults" is written. Likewise a null {@code nesterovs} or {@code weightDecays} means each
 * optimizer's own value from the {@code optimizers} block (its default: no weight decay, except
 * adamw's 0.01), and a null {@code schedules}, {@code batchSizes} or {@code hiddens} the single
 * value of {@code training.schedule}, {@code training.batch_size} or {@code model.hidden}.
 * {@code momenta} and {@code nesterovs} apply to sgd only. A null entry of {@code patiences} means
 * "no plateau controller". Every axis is non-empty and free of duplicates, because a duplicate
 * would be the same trial twice under two indices.
 */
public record Grid(List<String> optimizers, List<Double> learningRates, List<Double> momenta, List<Double> decays,
                   List<Integer> patiences, List<Boolean> nesterovs, List<Double> weightDecays, List<Schedule> schedules,
                   List<Integer> batchSizes, List<List<Integer>> hiddens) {

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
        decays = nonNegative("grid.decay", decays);
        patiences = checked("grid.patience", patiences);
        for (int i = 0; i < patiences.size(); i++) {
            Integer p = patiences.get(i);
            if (p != null && p < 0) {
                throw SweepSpecException.at("grid.patience[" + i + "]",
                        "must be an integer >= 0, or null for no plateau controller, got " + p);
            }
        }
        if (nesterovs != null) {
            nesterovs = checked("grid.nesterov", nesterovs);
            for (int i = 0; i < nesterovs.size(); i++) {
                if (nesterovs.get(i) == null) {
                    throw SweepSpecException.at("grid.nesterov[" + i + "]", "must be true or false, got null");
                }
            }
        }
        weightDecays = weightDecays == null ? null : nonNegative("grid.weight_decay", weightDecays);
        if (schedules != null) {
            schedules = checked("grid.schedule", schedules);
            for (int i = 0; i < schedules.size(); i++) {
                if (schedules.get(i) == null) {
                    throw SweepSpecException.at("grid.schedule[" + i + "]", "must be a schedule object, got null");
                }
            }
        }
        if (batchSizes != null) {
            batchSizes = checked("grid.batch_size", batchSizes);
            for (int i = 0; i < batchSizes.size(); i++) {
                Integer b = batchSizes.get(i);
                if (b == null || b < 1) {
                    throw SweepSpecException.at("grid.batch_size[" + i + "]", "must be an integer >= 1, got " + b);
                }
            }
        }
        if (hiddens != null) {
            List<List<Integer>> copies = new ArrayList<>(hiddens.size());
            for (int i = 0; i < hiddens.size(); i++) {
                List<Integer> layers = hiddens.get(i);
                if (layers == null || layers.isEmpty()) {
                    throw SweepSpecException.at("grid.hidden[" + i + "]", "must be a non-empty list of layer widths (integers >= 1)");
                }
                for (int j = 0; j < layers.size(); j++) {
                    if (layers.get(j) == null || layers.get(j) < 1) {
                        throw SweepSpecException.at("grid.hidden[" + i + "][" + j + "]", "must be an integer >= 1, got " + layers.get(j));
                    }
                }
                copies.add(List.copyOf(layers));
            }
            hiddens = checked("grid.hidden", copies);
        }
    }

    /** The axes of the first sweep format: nothing else is an axis. */
    public Grid(List<String> optimizers, List<Double> learningRates, List<Double> momenta, List<Double> decays,
                List<Integer> patiences) {
        this(optimizers, learningRates, momenta, decays, patiences, null, null, null, null, null);
    }

    /** The defaults: sgd, no learning-rate axis, momentum 0, decay 0, no plateau controller, the rest from their blocks. */
    public static Grid defaults() {
        return new Grid(List.of("sgd"), null, List.of(0.0), List.of(0.0), Collections.singletonList(null));
    }

    /** Whether any trial runs a plateau controller. */
    public boolean usesPlateau() {
        return patiences.stream().anyMatch(p -> p != null);
    }

    /**
     * Whether the grid gives the axis of optimizer field {@code key} itself; where it does not, a
     * base field's single value comes from the {@code optimizers} block.
     */
    public boolean gives(String key) {
        return switch (key) {
            case OptimizerType.LEARNING_RATE -> learningRates != null;
            case "nesterov" -> nesterovs != null;
            case OptimizerType.WEIGHT_DECAY -> weightDecays != null;
            default -> true;
        };
    }

    /** The momentum axis as it applies to {@code optimizer}: itself where it has momentum, a single null otherwise. */
    List<Double> momentaFor(String optimizer) {
        return Optimizers.named(optimizer).has("momentum") ? momenta : Collections.singletonList(null);
    }

    /**
     * The nesterov axis as it applies to {@code optimizer} at {@code momentum}: a single null (no
     * such field, or the block's value) where the optimizer has none or the grid gives none; a
     * single value at momentum 0, where every value means plain momentum-free SGD (the others
     * would repeat that trial); else the axis.
     */
    List<Boolean> nesterovsFor(String optimizer, Double momentum) {
        if (!Optimizers.named(optimizer).has("nesterov") || nesterovs == null) {
            return Collections.singletonList(null);
        }
        return momentum != null && momentum == 0.0 ? List.of(false) : nesterovs;
    }

    /** The weight-decay axis, or a single null (each optimizer's own value) when the grid gives none. */
    List<Double> weightDecaysOrBase() {
        return weightDecays == null ? Collections.singletonList(null) : weightDecays;
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
                        "repeats the value " + shown(copy.get(i)) + " (each axis value may appear once)");
            }
        }
        return copy;
    }

    private static String shown(Object v) {
        return v instanceof Schedule s ? s.text() : String.valueOf(v);
    }

    /** Checked, -0.0 read as 0.0, each a finite number >= 0. */
    private static List<Double> nonNegative(String field, List<Double> values) {
        List<Double> checked = checked(field, normalized(values));
        for (int i = 0; i < checked.size(); i++) {
            Double d = checked.get(i);
            if (d == null || !(d >= 0.0) || d.isInfinite()) {
                throw SweepSpecException.at(field + "[" + i + "]", "must be a finite number >= 0, got " + d);
            }
        }
        return checked;
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
