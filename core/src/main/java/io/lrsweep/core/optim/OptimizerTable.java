package io.lrsweep.core.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The README's rows for the sweep file's optimizer keys, written from the declarations
 * ({@link OptimizerType}), so that the documentation cannot drift from what the parser accepts: a
 * test holds the README's rows to these; {@code main} prints them.
 */
public final class OptimizerTable {
    /** How the README's rows for optimizer keys start: these, and only these, come from here. */
    public static final List<String> ROW_PREFIXES = List.of("| `optimizers.", "| `grid.optimizer`", "| `grid.momentum`");

    private OptimizerTable() {}

    /** The markdown rows: one per optimizer's block, then the grid's optimizer axis and its axes of one optimizer. */
    public static List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (OptimizerType<?> type : Optimizers.ALL) {
            Map<String, Object> defaults = type.complete(Map.of());
            List<String> keys = new ArrayList<>();
            List<String> values = new ArrayList<>();
            List<String> rules = new ArrayList<>();
            for (Field f : type.fields()) {
                boolean base = f.key().equals(OptimizerType.LEARNING_RATE);
                if (f.axis() && !base) {
                    continue;
                }
                keys.add("`" + f.key() + "`" + (f.kind() == Field.Kind.CHOICE
                        ? " (" + f.choices().stream().map(c -> "`" + c + "`").collect(Collectors.joining(" \\| ")) + ")" : "")
                        + (base ? " (base, without grid.learning_rate)" : ""));
                values.add(shown(defaults.get(f.key())));
                rules.add(f.key() + ": " + f.rule());
            }
            rows.add("| `optimizers." + type.name() + "` | " + String.join(", ", keys) + " | " + String.join(", ", values)
                    + " | " + String.join("; ", rules) + " |");
        }
        rows.add("| `grid.optimizer` | list of " + Optimizers.NAMES.stream().map(n -> "`" + n + "`")
                .collect(Collectors.joining(" \\| ")) + " | [\"sgd\"] | |");
        for (OptimizerType<?> type : Optimizers.ALL) {
            for (Field f : type.fields()) {
                if (f.axis() && !f.key().equals(OptimizerType.LEARNING_RATE) && !f.key().equals(OptimizerType.DECAY)) {
                    rows.add("| `grid." + f.key() + "` | list | [" + shown(f.defaultFor(Map.of())) + "] | " + f.rule()
                            + ", " + type.name() + " only |");
                }
            }
        }
        return rows;
    }

    /** A number as people write it: 0.001, 0.9, 1e-7. */
    private static String shown(Object v) {
        if (!(v instanceof Double d)) {
            return String.valueOf(v);
        }
        java.math.BigDecimal b = new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros();
        return d != 0.0 && Math.abs(d) < 1e-3 ? b.toString().toLowerCase(java.util.Locale.ROOT) : b.toPlainString();
    }

    /** Prints the rows, to paste into the README's sweep-file table. */
    public static void main(String[] args) {
        rows().forEach(System.out::println);
    }
}
