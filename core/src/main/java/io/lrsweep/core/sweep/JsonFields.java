package io.lrsweep.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;

/**
 * Typed, strict reading of one JSON object of a sweep file: unknown keys are refused up front, and
 * every accessor names the field's JSON path, the value found and what is allowed when the value
 * does not fit. Strict means no coercion: a string is not a number, 1.5 is not an integer, and an
 * explicit {@code null} is not "absent".
 */
final class JsonFields {
    /** Settings that belong in the grid; named in the message when found elsewhere. */
    private static final List<String> AXES = List.of("optimizer", "learning_rate", "momentum", "nesterov", "decay", "weight_decay",
            "patience");

    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** {@code node} (at {@code path}, "" for the root) as an object whose keys are all in {@code allowed}. */
    static JsonFields of(JsonNode node, String path, List<String> allowed) {
        return of(node, path, allowed, path.isEmpty() ? "at the top level" : "in " + path);
    }

    /**
     * As {@link #of(JsonNode, String, List)}, with {@code where} saying where the allowed fields
     * apply (e.g. "in dataset (kind libsvm)") in the unknown-field message.
     */
    static JsonFields of(JsonNode node, String path, List<String> allowed, String where) {
        if (node == null || !node.isObject()) {
            throw SweepSpecException.at(path, "must be a JSON object, got " + describe(node));
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                String hint = AXES.contains(key) && !path.equals("grid")
                        ? " (" + key + " is a grid axis: give it as grid." + key + ")" : "";
                throw SweepSpecException.at(child(path, key), "is not a known field" + hint + "; allowed " + where + ": "
                        + String.join(", ", allowed));
            }
        }
        return new JsonFields(node, path);
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String path(String key) {
        return child(path, key);
    }

    String path() {
        return path;
    }

    boolean has(String key) {
        return node.has(key);
    }

    /** The raw value of {@code key}, or null when absent. */
    JsonNode get(String key) {
        return node.get(key);
    }

    /** The object under {@code key} restricted to {@code allowed}, or null when absent. */
    JsonFields object(String key, List<String> allowed) {
        return has(key) ? of(get(key), path(key), allowed) : null;
    }

    String string(String key, String absent) {
        return has(key) ? string(get(key), path(key)) : absent;
    }

    double number(String key, double absent) {
        return has(key) ? number(get(key), path(key)) : absent;
    }

    int integer(String key, int absent) {
        return has(key) ? integer(get(key), path(key)) : absent;
    }

    long longInteger(String key, long absent) {
        return has(key) ? longInteger(get(key), path(key)) : absent;
    }

    boolean bool(String key, boolean absent) {
        if (!has(key)) {
            return absent;
        }
        JsonNode n = get(key);
        if (!n.isBoolean()) {
            throw SweepSpecException.at(path(key), "must be true or false, got " + describe(n));
        }
        return n.booleanValue();
    }

    static String string(JsonNode n, String path) {
        if (n == null || !n.isTextual()) {
            throw SweepSpecException.at(path, "must be a string, got " + describe(n));
        }
        return n.textValue();
    }

    /** Any JSON number, as the nearest double; -0.0 is read as 0.0. */
    static double number(JsonNode n, String path) {
        if (n == null || !n.isNumber()) {
            throw SweepSpecException.at(path, "must be a number, got " + describe(n));
        }
        return n.doubleValue() + 0.0;
    }

    static int integer(JsonNode n, String path) {
        if (n == null || !n.isIntegralNumber()) {
            throw SweepSpecException.at(path, "must be an integer, got " + describe(n));
        }
        if (!n.canConvertToInt()) {
            throw SweepSpecException.at(path, "must be an integer in [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE
                    + "], got " + describe(n));
        }
        return n.intValue();
    }

    static long longInteger(JsonNode n, String path) {
        if (n == null || !n.isIntegralNumber()) {
            throw SweepSpecException.at(path, "must be an integer, got " + describe(n));
        }
        if (!n.canConvertToLong()) {
            throw SweepSpecException.at(path, "must be an integer in [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE
                    + "], got " + describe(n));
        }
        return n.longValue();
    }

    /** {@code n} as a non-empty JSON array. */
    static JsonNode nonEmptyArray(JsonNode n, String path, String what) {
        if (n == null || !n.isArray()) {
            throw SweepSpecException.at(path, "must be a list of " + what + ", got " + describe(n));
        }
        if (n.isEmpty()) {
            throw SweepSpecException.at(path, "must be a non-empty list of " + what + ", got []");
        }
        return n;
    }

    /** A short rendering of a JSON value for error messages: its JSON text, cut at 40 characters. */
    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        String text = n.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
