package io.lrsweep.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lrsweep.core.schedule.Schedule;
import io.lrsweep.core.schedule.ScheduleKind;
import io.lrsweep.core.schedule.ScheduleParam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One schedule object of a sweep file ({@code training.schedule}, or an entry of
 * {@code grid.schedule}), read and written from the kinds' declarations ({@link ScheduleKind}): the
 * {@code kind} is required, a parameter without a default must be given, and only the kind's own
 * parameters are allowed.
 */
final class ScheduleSection {

    private ScheduleSection() {}

    static Schedule read(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw SweepSpecException.at(path, "must be a JSON object with a kind, got " + JsonFields.describe(node));
        }
        if (!node.has("kind")) {
            throw SweepSpecException.at(path + ".kind", "is required: one of " + ScheduleKind.LABELS);
        }
        String label = JsonFields.string(node.get("kind"), path + ".kind");
        ScheduleKind kind;
        try {
            kind = ScheduleKind.named(label);
        } catch (IllegalArgumentException e) {
            throw SweepSpecException.at(path + ".kind", "must be one of " + ScheduleKind.LABELS + ", got '" + label + "'");
        }
        List<String> allowed = new ArrayList<>();
        allowed.add("kind");
        allowed.addAll(kind.keys());
        JsonFields f = JsonFields.of(node, path, allowed, "in " + path + " (kind " + kind.label + ")");
        Map<String, Number> values = new LinkedHashMap<>();
        for (ScheduleParam p : kind.params) {
            if (f.has(p.key())) {
                values.put(p.key(), p.integer() ? (Number) f.integer(p.key(), 0) : (Number) f.number(p.key(), 0.0));
            } else if (p.required()) {
                throw SweepSpecException.at(f.path(p.key()), "is required for schedule kind " + kind.label + ": " + p.rule());
            }
        }
        try {
            return kind.create(values);
        } catch (IllegalArgumentException e) {
            throw SweepSpecException.wrap(path, allowed, e);
        }
    }

    /** Every parameter written, integers as integers. */
    static ObjectNode write(Schedule s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("kind", s.kind());
        s.parameters().forEach((key, value) -> {
            if (value instanceof Integer i) {
                o.put(key, i);
            } else {
                o.put(key, value.doubleValue());
            }
        });
        return o;
    }
}
