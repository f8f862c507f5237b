package io.lrsweep.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lrsweep.core.model.LossFunction;
import io.lrsweep.core.schedule.Schedule;
import io.lrsweep.core.train.TrainingSpec;

import java.util.List;

/**
 * The sweep file's {@code training} block: epochs (200), batch_size (32), shuffle (true), the
 * {@code loss} (keras_clipped, or log_softmax) and a {@code schedule} (constant; see
 * {@link ScheduleSection}). {@code batch_size} and {@code schedule} are the single values of
 * {@code grid.batch_size} and {@code grid.schedule} when the grid does not give those axes.
 */
final class TrainingSection {
    static final String PATH = "training";
    static final List<String> FIELDS = List.of("epochs", "batch_size", "shuffle", "loss", "schedule");
    static final String SCHEDULE = PATH + ".schedule";

    private TrainingSection() {}

    static TrainingSpec read(JsonNode node) {
        TrainingSpec reference = TrainingSpec.reference();
        if (node == null) {
            return reference;
        }
        JsonFields f = JsonFields.of(node, PATH, FIELDS);
        int epochs = f.integer("epochs", reference.epochs());
        int batchSize = f.integer("batch_size", reference.batchSize());
        boolean shuffle = f.bool("shuffle", reference.shuffle());
        Schedule schedule = f.has("schedule") ? ScheduleSection.read(f.get("schedule"), SCHEDULE) : reference.schedule();
        LossFunction loss = reference.loss();
        if (f.has("loss")) {
            String label = f.string("loss", null);
            try {
                loss = LossFunction.fromLabel(label);
            } catch (IllegalArgumentException e) {
                throw SweepSpecException.at(f.path("loss"), "must be one of [keras_clipped, log_softmax], got '" + label + "'");
            }
        }
        try {
            return new TrainingSpec(epochs, batchSize, shuffle, schedule, loss);
        } catch (IllegalArgumentException e) {
            throw SweepSpecException.wrap(PATH, FIELDS, e);
        }
    }

    /**
     * The block with every field; {@code batch_size} and {@code schedule} only where the grid does
     * not give them as axes (it holds them then, and the parser refuses both).
     */
    static ObjectNode write(TrainingSpec t, Grid grid) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("epochs", t.epochs());
        if (grid.batchSizes() == null) {
            o.put("batch_size", t.batchSize());
        }
        o.put("shuffle", t.shuffle());
        o.put("loss", t.loss().label);
        if (grid.schedules() == null) {
            o.set("schedule", ScheduleSection.write(t.schedule()));
        }
        return o;
    }
}
