package io.lrsweep.core.optim;

import io.lrsweep.core.text.NumberText;

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
    public static final List<String> ROW_PREFIXES = List.of("| `optimizers.", "| `grid.optimizer`", "| `grid.momentum`",
            "| `grid.nesterov`", "| `grid.weight_decay`");

    private OptimizerTable() {}

    /**
     * The markdown rows: one per optimizer's block (its configured fields and the base values of
     * its axes), then the grid's optimizer axis, its axes of one optimizer, and weight decay.
     */
    public static List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (OptimizerType<?> type : Optimizers.ALL) {
            Map<String, Object> defaults = type.complete(Map.of());
            List<String> keys = new ArrayList<>();
            List<String> values = new ArrayList<>();
            List<String> rules = new ArrayList<>();
            for (Field f : type.blockFields()) {
                keys.add("`" + f.key() + "`" + (f.kind() == Field.Kind.CHOICE
                        ? " (" + f.choices().stream().map(c -> "`" + c + "`").collect(Collectors.joining(" \\| ")) + ")" : "")
                        + (f.base() ? " (base, without grid." + f.key() + ")" : ""));
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
                if (f.axis() && !COMMON.contains(f.key())) {
                    rows.add("| `grid." + f.key() + "` | list | [" + shown(f.defaultFor(Map.of())) + "] | " + f.rule()
                            + ", " + type.name() + " only |");
                }
            }
        }
        List<String> styles = new ArrayList<>();
        for (WeightDecay style : WeightDecay.values()) {
            List<String> names = Optimizers.ALL.stream().filter(t -> t.defaults().weightDecayStyle() == style)
                    .map(OptimizerType::name).toList();
            styles.add(String.join(", ", names) + ": " + switch (style) {
                case COUPLED_L2 -> "coupled L2 on the kernels, Keras's `l2` (loss + wd x sum(w^2))";
                case DECOUPLED -> "decoupled, w = w x (1 - lr_t x wd) on the kernels before each step (PyTorch's AdamW)";
            });
        }
        rows.add("| `grid.weight_decay` | list of numbers >= 0 | each optimizer's weight_decay (above) | "
                + String.join("; ", styles) + "; never on biases |");
        return rows;
    }

    /** Every optimizer's axes, documented in rows of their own. */
    private static final List<String> COMMON = List.of(OptimizerType.LEARNING_RATE, OptimizerType.DECAY,
            OptimizerType.WEIGHT_DECAY);

    /** A number as people write it: 0.001, 0.9, 1e-7. */
    private static String shown(Object v) {
        return v instanceof Double d ? NumberText.of(d) : String.valueOf(v);
    }

    /** Prints the rows, to paste into the README's sweep-file table. */
    public static void main(String[] args) {
        rows().forEach(System.out::println);
    }
}
