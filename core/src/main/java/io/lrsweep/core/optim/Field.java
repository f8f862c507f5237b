package io.lrsweep.core.optim;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One hyperparameter of an optimizer as the sweep file names it: its key, its kind, its default
 * (fixed, or worked out from the fields declared before it, as Adagrad's variant decides its
 * learning rate), the rule its values follow (in words, for messages and the README), and whether
 * it is a grid axis (given in {@code grid}, one value per trial) or configured once per sweep (in
 * the {@code optimizers} block). A {@code base} axis may instead be given once in the
 * {@code optimizers} block, as the axis's single value when the grid does not give it (the
 * learning rate, weight decay, and sgd's nesterov, which sweep files set there before it became
 * an axis); giving both is an error.
 */
public record Field(String key, Kind kind, List<String> choices, Function<Map<String, Object>, Object> defaults,
                    String rule, boolean axis, boolean base) {

    /** What a field's values are. */
    public enum Kind { NUMBER, BOOLEAN, CHOICE }

    public static Field number(String key, double defaultValue, String rule) {
        return new Field(key, Kind.NUMBER, List.of(), given -> defaultValue, rule, false, false);
    }

    public static Field number(String key, Function<Map<String, Object>, Object> defaults, String rule) {
        return new Field(key, Kind.NUMBER, List.of(), defaults, rule, false, false);
    }

    public static Field bool(String key, boolean defaultValue, String rule) {
        return new Field(key, Kind.BOOLEAN, List.of(), given -> defaultValue, rule, false, false);
    }

    public static Field choice(String key, List<String> choices, String defaultValue, String rule) {
        return new Field(key, Kind.CHOICE, List.copyOf(choices), given -> defaultValue, rule, false, false);
    }

    /** The same field as a grid axis. */
    public Field asAxis() {
        return new Field(key, kind, choices, defaults, rule, true, false);
    }

    /** The same field as a grid axis whose single value may instead be given in the optimizers block. */
    public Field asBase() {
        return new Field(key, kind, choices, defaults, rule, true, true);
    }

    /** The default given the values of the fields declared before this one. */
    public Object defaultFor(Map<String, Object> earlier) {
        return defaults.apply(earlier);
    }
}
