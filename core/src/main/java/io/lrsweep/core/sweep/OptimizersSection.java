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
 * plus the base values of its axes that may be set here ({@code learning_rate}, {@code weight_decay},
 * sgd's {@code nesterov}), each used when the grid does not give that axis. Which
 * fields an optimizer has, their kinds, defaults and rules come from its declaration
 * ({@link OptimizerType}); the written form of a sweep fills in every one of them, and each
 * optimizer's learning rate when the grid has none, so a resolved sweep reads back to the same
 * trials.
 */
final class OptimizersSection {
    static final String PATH = "optimizers";

    /**
     * The templates, the optimizers the block names, and the base values it sets: the paths
     * ({@code optimizers.sgd.nesterov}) by field key, in the order given.
     */
    record Read(OptimizerTemplates templates, List<String> configured, Map<String, List<String>> baseValues) {}

    private OptimizersSection() {}

    /** The keys allowed in optimizer {@code type}'s block: its configured fields and the base values of its axes. */
    static List<String> keys(OptimizerType<?> type) {
        return type.blockFields().stream().map(Field::key).toList();
    }

    static Read read(JsonNode node) {
        if (node == null) {
            return new Read(OptimizerTemplates.defaults(), List.of(), Map.of());
        }
        JsonFields block = JsonFields.of(node, PATH, Optimizers.NAMES);
        Map<String, Map<String, Object>> configured = new LinkedHashMap<>();
        Map<String, List<String>> baseValues = new LinkedHashMap<>();
        for (OptimizerType<?> type : Optimizers.ALL) {
            List<String> keys = keys(type);
            JsonFields f = block.object(type.name(), keys);
            if (f == null) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Field field : type.blockFields()) {
                if (f.has(field.key())) {
                    values.put(field.key(), value(f, field));
                    if (field.base()) {
                        baseValues.computeIfAbsent(field.key(), k -> new ArrayList<>()).add(f.path(field.key()));
                    }
                }
            }
            try {
                type.create(values);
            } catch (IllegalArgumentException e) {
                throw SweepSpecException.wrap(f.path(), keys, e);
            }
            configured.put(type.name(), values);
        }
        return new Read(new OptimizerTemplates(configured), List.copyOf(configured.keySet()), baseValues);
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
     * The block for the optimizers of {@code grid}, every configured field written, and the base
     * value of each axis the grid does not give (learning rate, weight decay, nesterov).
     */
    static ObjectNode write(OptimizerTemplates templates, Grid grid) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (String name : grid.optimizers()) {
            ObjectNode b = o.putObject(name);
            OptimizerType<?> type = Optimizers.named(name);
            Map<String, Object> values = templates.template(name);
            for (Field f : type.blockFields()) {
                if (f.base() && grid.gives(f.key())) {
                    continue;
                }
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
