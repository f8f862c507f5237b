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
 * {@code loss} (keras_clipped, or log_softmax) and an epoch-wise {@code schedule} (constant). A schedule block must name its kind and give every
 * parameter of that kind, since there is no reference value to fall back on.
 */
final class TrainingSection {
    static final String PATH = "training";
    static final List<String> FIELDS = List.of("epochs", "batch_size", "shuffle", "loss", "schedule");
    static final String SCHEDULE = PATH + ".schedule";
    static final List<String> SCHEDULE_FIELDS = List.of("kind", "drop_factor", "every_epochs", "rate");

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
        Schedule schedule = f.has("schedule") ? schedule(f.get("schedule")) : reference.schedule();
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

    private static Schedule schedule(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw SweepSpecException.at(SCHEDULE, "must be a JSON object with a kind, got " + JsonFields.describe(node));
        }
        if (!node.has("kind")) {
            throw SweepSpecException.at(SCHEDULE + ".kind", "is required: one of " + Schedule.KINDS);
        }
        String kind = JsonFields.string(node.get("kind"), SCHEDULE + ".kind");
        try {
            return switch (kind) {
                case "constant" -> {
                    JsonFields.of(node, SCHEDULE, List.of("kind"), "in training.schedule (kind constant)");
                    yield new Schedule.Constant();
                }
                case "step" -> {
                    JsonFields f = JsonFields.of(node, SCHEDULE, List.of("kind", "drop_factor", "every_epochs"),
                            "in training.schedule (kind step)");
                    yield new Schedule.StepDecay(required(f, "drop_factor"), requiredInt(f, "every_epochs"));
                }
                case "exponential" -> {
                    JsonFields f = JsonFields.of(node, SCHEDULE, List.of("kind", "rate"), "in training.schedule (kind exponential)");
                    yield new Schedule.ExponentialDecay(required(f, "rate"));
                }
                default -> throw SweepSpecException.at(SCHEDULE + ".kind", "must be one of " + Schedule.KINDS + ", got '" + kind + "'");
            };
        } catch (IllegalArgumentException e) {
            throw SweepSpecException.wrap(SCHEDULE, SCHEDULE_FIELDS, e);
        }
    }

    private static double required(JsonFields f, String key) {
        if (!f.has(key)) {
            throw SweepSpecException.at(f.path(key), "is required for this schedule kind");
        }
        return f.number(key, Double.NaN);
    }

    private static int requiredInt(JsonFields f, String key) {
        if (!f.has(key)) {
            throw SweepSpecException.at(f.path(key), "is required for this schedule kind");
        }
        return f.integer(key, 0);
    }

    static ObjectNode write(TrainingSpec t) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("epochs", t.epochs());
        o.put("batch_size", t.batchSize());
        o.put("shuffle", t.shuffle());
        o.put("loss", t.loss().label);
        ObjectNode s = o.putObject("schedule");
        s.put("kind", t.schedule().kind());
        if (t.schedule() instanceof Schedule.StepDecay step) {
            s.put("drop_factor", step.dropFactor());
            s.put("every_epochs", step.everyEpochs());
        } else if (t.schedule() instanceof Schedule.ExponentialDecay exp) {
            s.put("rate", exp.rate());
        }
        return o;
    }
}
