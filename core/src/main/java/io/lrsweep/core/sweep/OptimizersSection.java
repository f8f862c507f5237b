package io.lrsweep.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lrsweep.core.optim.Field;
import io.lrsweep.core.optim.OptimizerType;
import io.lrsweep.core.optim.Optimizers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep file's {@code optimizers} block: per optimizer, the fields that are not grid axes,
 * plus an optional base {@code learning_rate} used when the grid has no learning-rate axis. Which
 * fields an optimizer has, their kinds, defaults and rules come from its declaration
 * ({@link OptimizerType}); the written form of a sweep fills in every one of them, and each
 * optimizer's learning rate when the grid has none, so a resolved sweep reads back to the same
 * trials.
 */
final class OptimizersSection {
    static final String PATH = "optimizers";

    /** The templates, the optimizers the block names, and those among them that set a learning_rate. */
    record Read(OptimizerTemplates templates, List<String> configured, List<String> withLearningRate) {}

    private OptimizersSection() {}

    /** The keys allowed in optimizer {@code type}'s block: its configured fields and the base learning rate. */
    static List<String> keys(OptimizerType<?> type) {
        List<String> keys = new ArrayList<>();
        keys.add(OptimizerType.LEARNING_RATE);
        type.configured().forEach(f -> keys.add(f.key()));
        return keys;
    }

    static Read read(JsonNode node) {
        if (node == null) {
            return new Read(OptimizerTemplates.defaults(), List.of(), List.of());
        }
        JsonFields block = JsonFields.of(node, PATH, Optimizers.NAMES);
        Map<String, Map<String, Object>> configured = new LinkedHashMap<>();
        List<String> withLearningRate = new ArrayList<>();
        for (OptimizerType<?> type : Optimizers.ALL) {
            List<String> keys = keys(type);
            JsonFields f = block.object(type.name(), keys);
            if (f == null) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Field field : type.fields()) {
                if (keys.contains(field.key()) && f.has(field.key())) {
                    values.put(field.key(), value(f, field));
                }
            }
            if (values.containsKey(OptimizerType.LEARNING_RATE)) {
                withLearningRate.add(type.name());
            }
            try {
                type.create(values);
            } catch (IllegalArgumentException e) {
                throw SweepSpecException.wrap(f.path(), keys, e);
            }
            configured.put(type.name(), values);
        }
        return new Read(new OptimizerTemplates(configured), List.copyOf(configured.keySet()), List.copyOf(withLearningRate));
    }

    private static Object value(JsonFields f, Field field) {
        String key = field.key();
        return switch (field.kind()) {
            case NUMBER -> f.number(key, 0.0);
            case BOOLEAN -> f.bool(key, false);
            case CHOICE -> {
                String v = f.string(key, null);
                if (!field.choices().contains(v)) {
                    throw SweepSpecException.at(f.path(key), "must be one of " + field.choices() + ", got '" + v + "'");
                }
                yield v;
            }
        };
    }

    /**
     * The block for the optimizers of {@code grid}, every configured field written; each one's base
     * learning rate too when the grid has no learning-rate axis.
     */
    static ObjectNode write(OptimizerTemplates templates, Grid grid) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        boolean baseLearningRate = grid.learningRates() == null;
        for (String name : grid.optimizers()) {
            ObjectNode b = o.putObject(name);
            OptimizerType<?> type = Optimizers.named(name);
            Map<String, Object> values = templates.template(name);
            if (baseLearningRate) {
                b.put(OptimizerType.LEARNING_RATE, templates.baseLearningRate(name));
            }
            for (Field f : type.configured()) {
                Object v = values.get(f.key());
                switch (f.kind()) {
                    case NUMBER -> b.put(f.key(), ((Number) v).doubleValue());
                    case BOOLEAN -> b.put(f.key(), (Boolean) v);
                    case CHOICE -> b.put(f.key(), (String) v);
                }
            }
        }
        return o;
    }
}
