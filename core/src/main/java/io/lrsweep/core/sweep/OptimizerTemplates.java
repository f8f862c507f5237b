package io.lrsweep.core.sweep;

import io.lrsweep.core.optim.OptimizerSpec;
import io.lrsweep.core.optim.OptimizerType;
import io.lrsweep.core.optim.Optimizers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each optimizer's settings that are not grid axes, as the sweep's {@code optimizers} block gives
 * them (Tribuo's configured prototypes): a trial's optimizer is built from these values, the
 * trial's axis values (learning rate, momentum, nesterov, decay, weight decay) and every other field's default
 * ({@link OptimizerType}). A base {@code learning_rate} here is the rate an optimizer runs at when
 * the grid has no learning-rate axis (its declared default otherwise).
 *
 * @param configured per optimizer name, the values the sweep set (each completed with the
 *                   defaults, so that two sweeps that mean the same compare equal)
 */
public record OptimizerTemplates(Map<String, Map<String, Object>> configured) {

    public OptimizerTemplates {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        for (OptimizerType<?> type : Optimizers.ALL) {
            copy.put(type.name(), Map.copyOf(type.complete(configured.getOrDefault(type.name(), Map.of()))));
        }
        configured = Map.copyOf(copy);
    }

    /** No optimizer configured: every one at its declared defaults (Keras 2.2.4's). */
    public static OptimizerTemplates defaults() {
        return new OptimizerTemplates(Map.of());
    }

    /** Every field of optimizer {@code name} as configured, defaults filled in, in field order. */
    public Map<String, Object> template(String name) {
        Optimizers.named(name);
        return configured.get(name);
    }

    /** The learning rate {@code name} runs at when the grid has no learning-rate axis. */
    public double baseLearningRate(String name) {
        return ((Number) template(name).get(OptimizerType.LEARNING_RATE)).doubleValue();
    }

    /**
     * One trial's optimizer: optimizer {@code name} as configured, with {@code learningRate} (null:
     * the base learning rate), {@code momentum} (null for optimizers without one) and {@code decay}.
     */
    public OptimizerSpec resolve(String name, Double learningRate, Double momentum, double decay) {
        return resolve(name, learningRate, momentum, null, decay, null);
    }

    /**
     * One trial's optimizer: optimizer {@code name} as configured, with the trial's axis values;
     * a null {@code learningRate}, {@code nesterov} or {@code weightDecay} means the configured
     * (base) value, and {@code momentum} and {@code nesterov} are ignored by optimizers without
     * such a field.
     */
    public OptimizerSpec resolve(String name, Double learningRate, Double momentum, Boolean nesterov, double decay,
                                 Double weightDecay) {
        OptimizerType<?> type = Optimizers.named(name);
        Map<String, Object> values = new LinkedHashMap<>(configured.get(name));
        if (learningRate != null) {
            values.put(OptimizerType.LEARNING_RATE, learningRate);
        }
        if (momentum != null && type.has("momentum")) {
            values.put("momentum", momentum);
        }
        if (nesterov != null && type.has("nesterov")) {
            values.put("nesterov", nesterov);
        }
        values.put(OptimizerType.DECAY, decay);
        if (weightDecay != null) {
            values.put(OptimizerType.WEIGHT_DECAY, weightDecay);
        }
        return type.create(values);
    }

    /** The same templates with every base learning rate back at its declared default (the grid now gives them). */
    public OptimizerTemplates withoutBaseLearningRates() {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        for (OptimizerType<?> type : Optimizers.ALL) {
            Map<String, Object> values = new LinkedHashMap<>(configured.get(type.name()));
            values.remove(OptimizerType.LEARNING_RATE);
            copy.put(type.name(), type.complete(values));
        }
        return new OptimizerTemplates(copy);
    }
}
