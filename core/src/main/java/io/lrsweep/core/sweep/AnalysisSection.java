package io.lrsweep.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The sweep file's {@code analysis} block: {@code metric} (val_loss), {@code target_accuracy} (0.8)
 * and {@code basin_tolerance} (0.1), see {@link AnalysisSpec}. The command line's {@code --metric},
 * {@code --target-accuracy} and {@code --basin-tolerance} override them.
 */
final class AnalysisSection {
    static final String PATH = "analysis";
    static final List<String> FIELDS = List.of("metric", "target_accuracy", "basin_tolerance");

    private AnalysisSection() {}

    static AnalysisSpec read(JsonNode node) {
        AnalysisSpec d = AnalysisSpec.defaults();
        if (node == null) {
            return d;
        }
        JsonFields f = JsonFields.of(node, PATH, FIELDS);
        try {
            return new AnalysisSpec(f.has("metric") ? AnalysisSpec.metric(f.string("metric", null)) : d.metric(),
                    f.number("target_accuracy", d.targetAccuracy()), f.number("basin_tolerance", d.basinTolerance()));
        } catch (IllegalArgumentException e) {
            throw SweepSpecException.wrap(PATH, FIELDS, e);
        }
    }

    static ObjectNode write(AnalysisSpec a) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("metric", a.metric().label);
        o.put("target_accuracy", a.targetAccuracy());
        o.put("basin_tolerance", a.basinTolerance());
        return o;
    }
}
