package io.lrsweep.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lrsweep.core.model.Activation;
import io.lrsweep.core.model.ModelSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The sweep file's {@code model} block: {@code hidden} (default [50]; the single value of
 * {@code grid.hidden} when the grid does not give that axis) and {@code activation} (default relu).
 */
final class ModelSection {
    static final String PATH = "model";
    static final List<String> FIELDS = List.of("hidden", "activation");

    private ModelSection() {}

    static ModelSpec read(JsonNode node) {
        ModelSpec reference = ModelSpec.reference();
        if (node == null) {
            return reference;
        }
        JsonFields f = JsonFields.of(node, PATH, FIELDS);
        List<Integer> hidden = reference.hidden();
        if (f.has("hidden")) {
            JsonNode list = JsonFields.nonEmptyArray(f.get("hidden"), f.path("hidden"), "layer widths (integers >= 1)");
            hidden = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                hidden.add(JsonFields.integer(list.get(i), f.path("hidden") + "[" + i + "]"));
            }
        }
        try {
            Activation activation = f.has("activation")
                    ? Activation.fromLabel(f.string("activation", null))
                    : reference.activation();
            return new ModelSpec(hidden, activation);
        } catch (IllegalArgumentException e) {
            throw SweepSpecException.wrap(PATH, FIELDS, e);
        }
    }

    /** The block; {@code hidden} only where the grid does not give it (the parser refuses both). */
    static ObjectNode write(ModelSpec m, Grid grid) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (grid.hiddens() == null) {
            ArrayNode hidden = o.putArray("hidden");
            m.hidden().forEach(hidden::add);
        }
        o.put("activation", m.activation().label);
        return o;
    }
}
