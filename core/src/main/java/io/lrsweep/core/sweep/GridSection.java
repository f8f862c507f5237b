package io.lrsweep.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.lrsweep.core.schedule.Schedule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweep file's {@code grid} block and its {@code seeds}. Every axis is a non-empty JSON list;
 * {@code learning_rate} may instead be a log-spaced range {@code {"min", "max", "points"}}, and
 * may be absent (each optimizer then runs at its base learning rate). Absent axes default to
 * optimizer [sgd], momentum [0], decay [0], patience [null]; nesterov and weight_decay to each
 * optimizer's value in the {@code optimizers} block, schedule, batch_size and hidden to the single
 * value of {@code training.schedule}, {@code training.batch_size} and {@code model.hidden}; absent
 * seeds to 1 (seed 0).
 */
final class GridSection {
    static final String PATH = "grid";
    static final List<String> FIELDS = List.of("optimizer", "learning_rate", "momentum", "nesterov", "decay", "weight_decay",
            "patience", "schedule", "batch_size", "hidden");
    static final List<String> RANGE_FIELDS = List.of("min", "max", "points");

    /** Range points are rounded to this many significant digits, so decades come out exact. */
    static final MathContext RANGE_DIGITS = new MathContext(12);

    private GridSection() {}

    static Grid read(JsonNode node) {
        if (node == null) {
            return Grid.defaults();
        }
        JsonFields f = JsonFields.of(node, PATH, FIELDS);
        Grid d = Grid.defaults();
        List<String> optimizers = d.optimizers();
        if (f.has("optimizer")) {
            JsonNode list = JsonFields.nonEmptyArray(f.get("optimizer"), f.path("optimizer"), "optimizer names");
            optimizers = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                optimizers.add(JsonFields.string(list.get(i), f.path("optimizer") + "[" + i + "]"));
            }
        }
        List<Double> learningRates = null;
        if (f.has("learning_rate")) {
            JsonNode lr = f.get("learning_rate");
            learningRates = lr.isObject() ? range(JsonFields.of(lr, f.path("learning_rate"), RANGE_FIELDS))
                    : numbers(lr, f.path("learning_rate"), "numbers > 0, or a range {\"min\", \"max\", \"points\"}");
        }
        List<Double> momenta = f.has("momentum") ? numbers(f.get("momentum"), f.path("momentum"), "numbers in [0, 1)") : d.momenta();
        List<Double> decays = f.has("decay") ? numbers(f.get("decay"), f.path("decay"), "numbers >= 0") : d.decays();
        List<Integer> patiences = d.patiences();
        if (f.has("patience")) {
            JsonNode list = JsonFields.nonEmptyArray(f.get("patience"), f.path("patience"), "integers >= 0 or null");
            patiences = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode p = list.get(i);
                patiences.add(p.isNull() ? null : JsonFields.integer(p, f.path("patience") + "[" + i + "]"));
            }
        }
        List<Boolean> nesterovs = null;
        if (f.has("nesterov")) {
            JsonNode list = JsonFields.nonEmptyArray(f.get("nesterov"), f.path("nesterov"), "true or false");
            nesterovs = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode n = list.get(i);
                if (!n.isBoolean()) {
                    throw SweepSpecException.at(f.path("nesterov") + "[" + i + "]", "must be true or false, got " + JsonFields.describe(n));
                }
                nesterovs.add(n.booleanValue());
            }
        }
        List<Double> weightDecays = f.has("weight_decay")
                ? numbers(f.get("weight_decay"), f.path("weight_decay"), "numbers >= 0") : null;
        List<Schedule> schedules = null;
        if (f.has("schedule")) {
            JsonNode list = JsonFields.nonEmptyArray(f.get("schedule"), f.path("schedule"), "schedule objects {\"kind\": ...}");
            schedules = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                schedules.add(ScheduleSection.read(list.get(i), f.path("schedule") + "[" + i + "]"));
            }
        }
        List<Integer> batchSizes = null;
        if (f.has("batch_size")) {
            JsonNode list = JsonFields.nonEmptyArray(f.get("batch_size"), f.path("batch_size"), "integers >= 1");
            batchSizes = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                batchSizes.add(JsonFields.integer(list.get(i), f.path("batch_size") + "[" + i + "]"));
            }
        }
        List<List<Integer>> hiddens = null;
        if (f.has("hidden")) {
            JsonNode list = JsonFields.nonEmptyArray(f.get("hidden"), f.path("hidden"), "hidden-layer lists such as [64] or [64, 64]");
            hiddens = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String at = f.path("hidden") + "[" + i + "]";
                JsonNode layers = JsonFields.nonEmptyArray(list.get(i), at, "layer widths (integers >= 1)");
                List<Integer> widths = new ArrayList<>();
                for (int j = 0; j < layers.size(); j++) {
                    widths.add(JsonFields.integer(layers.get(j), at + "[" + j + "]"));
                }
                hiddens.add(widths);
            }
        }
        return new Grid(optimizers, learningRates, momenta, decays, patiences, nesterovs, weightDecays, schedules, batchSizes,
                hiddens);
    }

    private static List<Double> numbers(JsonNode node, String path, String what) {
        JsonFields.nonEmptyArray(node, path, what);
        List<Double> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            values.add(JsonFields.number(node.get(i), path + "[" + i + "]"));
        }
        return values;
    }

    /**
     * {@code points} values from {@code min} to {@code max} inclusive, equally spaced in log10,
     * ascending, the end points exact and the others rounded to 12 significant digits (so that
     * {@code {"min": 1e-7, "max": 1, "points": 8}} gives exactly the doubles of 1e-7 ... 1e-1, 1).
     */
    static List<Double> range(JsonFields f) {
        for (String key : RANGE_FIELDS) {
            if (!f.has(key)) {
                throw SweepSpecException.at(f.path(key), "is required in a learning-rate range {\"min\", \"max\", \"points\"}");
            }
        }
        double min = f.number("min", 0);
        double max = f.number("max", 0);
        int points = f.integer("points", 0);
        if (!(min > 0.0) || Double.isInfinite(min)) {
            throw SweepSpecException.at(f.path("min"), "must be a finite number > 0, got " + min);
        }
        if (!(max >= min) || Double.isInfinite(max)) {
            throw SweepSpecException.at(f.path("max"), "must be a finite number >= min (" + min + "), got " + max);
        }
        if (points < 1 || points > SweepSpec.MAX_COUNT) {
            throw SweepSpecException.at(f.path("points"), "must be an integer in [1, " + SweepSpec.MAX_COUNT + "], got " + points);
        }
        if (points == 1) {
            if (min != max) {
                throw SweepSpecException.at(f.path("points"), "is 1, which needs min == max, got min " + min + " and max " + max);
            }
            return List.of(min);
        }
        if (min == max) {
            throw SweepSpecException.at(f.path("max"), "must be > min when points > 1, got min = max = " + min);
        }
        double lo = StrictMath.log10(min);
        double step = (StrictMath.log10(max) - lo) / (points - 1);
        List<Double> values = new ArrayList<>(points);
        values.add(min);
        for (int i = 1; i < points - 1; i++) {
            double v = new BigDecimal(StrictMath.pow(10.0, lo + i * step)).round(RANGE_DIGITS).doubleValue();
            if (!(v > values.get(i - 1)) || !(v < max)) {
                throw SweepSpecException.at(f.path("points"), "asks for " + points + " points between " + min + " and " + max
                        + ", which repeat at 12 significant digits; use fewer points or a wider range");
            }
            values.add(v);
        }
        values.add(max);
        return values;
    }

    /** {@code seeds}: a count N (seeds 0..N-1), or a list of distinct integers >= 0. Absent: [0]. */
    static List<Long> seeds(JsonNode node) {
        if (node == null) {
            return List.of(0L);
        }
        if (node.isIntegralNumber()) {
            int n = JsonFields.integer(node, "seeds");
            if (n < 1 || n > SweepSpec.MAX_COUNT) {
                throw SweepSpecException.at("seeds", "must be a count in [1, " + SweepSpec.MAX_COUNT
                        + "] or a non-empty list of integers >= 0, got " + n);
            }
            return SweepSpec.seedRange(n);
        }
        if (!node.isArray()) {
            throw SweepSpecException.at("seeds", "must be a count (integer >= 1) or a non-empty list of integers >= 0, got "
                    + JsonFields.describe(node));
        }
        JsonFields.nonEmptyArray(node, "seeds", "integers >= 0");
        List<Long> seeds = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            seeds.add(JsonFields.longInteger(node.get(i), "seeds[" + i + "]"));
        }
        return seeds;
    }

    static ObjectNode write(Grid g) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode optimizers = o.putArray("optimizer");
        g.optimizers().forEach(optimizers::add);
        if (g.learningRates() != null) {
            ArrayNode lr = o.putArray("learning_rate");
            g.learningRates().forEach(lr::add);
        }
        ArrayNode momenta = o.putArray("momentum");
        g.momenta().forEach(momenta::add);
        if (g.nesterovs() != null) {
            ArrayNode nesterovs = o.putArray("nesterov");
            g.nesterovs().forEach(nesterovs::add);
        }
        ArrayNode decays = o.putArray("decay");
        g.decays().forEach(decays::add);
        if (g.weightDecays() != null) {
            ArrayNode weightDecays = o.putArray("weight_decay");
            g.weightDecays().forEach(weightDecays::add);
        }
        ArrayNode patiences = o.putArray("patience");
        for (Integer p : g.patiences()) {
            if (p == null) {
                patiences.addNull();
            } else {
                patiences.add(p);
            }
        }
        if (g.schedules() != null) {
            ArrayNode schedules = o.putArray("schedule");
            g.schedules().forEach(s -> schedules.add(ScheduleSection.write(s)));
        }
        if (g.batchSizes() != null) {
            ArrayNode batchSizes = o.putArray("batch_size");
            g.batchSizes().forEach(batchSizes::add);
        }
        if (g.hiddens() != null) {
            ArrayNode hiddens = o.putArray("hidden");
            for (List<Integer> layers : g.hiddens()) {
                ArrayNode widths = hiddens.addArray();
                layers.forEach(widths::add);
            }
        }
        return o;
    }

    static ArrayNode writeSeeds(List<Long> seeds) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        seeds.forEach(a::add);
        return a;
    }
}
