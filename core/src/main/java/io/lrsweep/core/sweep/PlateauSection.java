package io.lrsweep.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lrsweep.core.schedule.Monitor;

import java.util.List;

/**
 * The sweep file's {@code plateau} block: ReduceLROnPlateau's settings other than patience (a grid
 * axis), each defaulting to Keras's value. It only matters for trials whose patience is not null.
 */
final class PlateauSection {
    static final String PATH = "plateau";
    static final List<String> FIELDS = List.of("monitor", "factor", "min_delta", "cooldown", "min_lr");

    private PlateauSection() {}

    static PlateauTemplate read(JsonNode node) {
        PlateauTemplate d = PlateauTemplate.kerasDefaults();
        if (node == null) {
            return d;
        }
        JsonFields f = JsonFields.of(node, PATH, FIELDS);
        try {
            Monitor monitor = f.has("monitor") ? Monitor.fromLabel(f.string("monitor", null)) : d.monitor();
            return new PlateauTemplate(monitor, f.number("factor", d.factor()), f.number("min_delta", d.minDelta()),
                    f.integer("cooldown", d.cooldown()), f.number("min_lr", d.minLr()));
        } catch (IllegalArgumentException e) {
            throw SweepSpecException.wrap(PATH, FIELDS, e);
        }
    }

    static ObjectNode write(PlateauTemplate p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("monitor", p.monitor().label);
        o.put("factor", p.factor());
        o.put("min_delta", p.minDelta());
        o.put("cooldown", p.cooldown());
        o.put("min_lr", p.minLr());
        return o;
    }
}
