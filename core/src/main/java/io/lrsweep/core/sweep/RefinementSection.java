package io.lrsweep.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code refinement} block of a resolved sweep ({@link Refinement}), written by
 * {@code lrsweep refine} and absent when the grid was never refined:
 * <pre>
 * "refinement": {
 *   "learning_rate_axis": "union",
 *   "rounds": [ { "round": 1, "points": 4, "resolution": 0.125, "learning_rate": [0.0158, ...],
 *                 "setups": [ { "setup": "sgd", "best_lr": 0.01, "learning_rate": [0.0158, ...] } ] } ]
 * }
 * </pre>
 */
final class RefinementSection {
    static final String PATH = "refinement";
    static final List<String> FIELDS = List.of("learning_rate_axis", "rounds");
    static final List<String> ROUND_FIELDS = List.of("round", "points", "resolution", "learning_rate", "setups");
    static final List<String> ASKED_FIELDS = List.of("setup", "best_lr", "learning_rate");

    private RefinementSection() {}

    static Refinement read(JsonNode node) {
        if (node == null) {
            return Refinement.NONE;
        }
        JsonFields f = JsonFields.of(node, PATH, FIELDS);
        String axis = f.string("learning_rate_axis", Refinement.LR_AXIS);
        if (!axis.equals(Refinement.LR_AXIS)) {
            throw SweepSpecException.at(f.path("learning_rate_axis"), "must be \"" + Refinement.LR_AXIS
                    + "\" (every setup runs every refined learning rate), got '" + axis + "'");
        }
        if (!f.has("rounds")) {
            throw SweepSpecException.at(f.path("rounds"), "is required: the list of refinement rounds");
        }
        JsonNode list = JsonFields.nonEmptyArray(f.get("rounds"), f.path("rounds"), "refinement rounds");
        List<Refinement.Round> rounds = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = f.path("rounds") + "[" + i + "]";
            JsonFields r = JsonFields.of(list.get(i), path, ROUND_FIELDS);
            JsonNode setups = JsonFields.nonEmptyArray(r.get("setups"), r.path("setups"), "the setups that asked");
            List<Refinement.Asked> asked = new ArrayList<>();
            for (int j = 0; j < setups.size(); j++) {
                String at = r.path("setups") + "[" + j + "]";
                JsonFields a = JsonFields.of(setups.get(j), at, ASKED_FIELDS);
                try {
                    asked.add(new Refinement.Asked(a.string("setup", null), a.number("best_lr", 0.0),
                            numbers(a.get("learning_rate"), a.path("learning_rate"))));
                } catch (IllegalArgumentException e) {
                    throw SweepSpecException.wrap(at, ASKED_FIELDS, e);
                }
            }
            try {
                rounds.add(new Refinement.Round(r.integer("round", 0), r.integer("points", 0), r.number("resolution", 0.0),
                        numbers(r.get("learning_rate"), r.path("learning_rate")), asked));
            } catch (IllegalArgumentException e) {
                throw SweepSpecException.wrap(path, ROUND_FIELDS, e);
            }
        }
        try {
            return new Refinement(rounds);
        } catch (IllegalArgumentException e) {
            throw SweepSpecException.wrap(PATH, FIELDS, e);
        }
    }

    private static List<Double> numbers(JsonNode node, String path) {
        JsonFields.nonEmptyArray(node, path, "numbers > 0");
        List<Double> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(JsonFields.number(node.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    static ObjectNode write(Refinement refinement) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("learning_rate_axis", Refinement.LR_AXIS);
        ArrayNode rounds = o.putArray("rounds");
        for (Refinement.Round r : refinement.rounds()) {
            ObjectNode ro = rounds.addObject();
            ro.put("round", r.round());
            ro.put("points", r.points());
            ro.put("resolution", r.resolution());
            ArrayNode lrs = ro.putArray("learning_rate");
            r.learningRates().forEach(lrs::add);
            ArrayNode setups = ro.putArray("setups");
            for (Refinement.Asked a : r.setups()) {
                ObjectNode ao = setups.addObject();
                ao.put("setup", a.setup());
                ao.put("best_lr", a.bestLr());
                ArrayNode asked = ao.putArray("learning_rate");
                a.learningRates().forEach(asked::add);
            }
        }
        return o;
    }
}
