package io.lrsweep.core.schedule;

import io.lrsweep.core.text.NumberText;

import java.util.ArrayList;
import java.util.List;

/**
 * The README's rows for the schedule kinds, written from the declarations ({@link ScheduleKind}) so
 * that the documentation cannot drift from what the parser accepts: a test holds the README's rows
 * to these; {@code main} prints them.
 */
public final class ScheduleTable {
    /** How the README's schedule rows start: these, and only these, come from here. */
    public static final String ROW_PREFIX = "| schedule `";

    private ScheduleTable() {}

    /** One markdown row per kind: its parameters with their defaults (required ones in bold), their rules, its factor. */
    public static List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (ScheduleKind k : ScheduleKind.values()) {
            List<String> params = new ArrayList<>();
            List<String> rules = new ArrayList<>();
            for (ScheduleParam p : k.params) {
                params.add("`" + p.key() + "` " + (p.required() ? "**required**" : "(" + NumberText.of(p.defaultValue()) + ")"));
                rules.add(p.key() + ": " + p.rule());
            }
            rows.add(ROW_PREFIX + k.label + "` | " + (params.isEmpty() ? "none" : String.join(", ", params)) + " | "
                    + String.join("; ", rules) + " | " + k.formula + " |");
        }
        return rows;
    }

    /** Prints the rows, to paste into the README's schedule table. */
    public static void main(String[] args) {
        rows().forEach(System.out::println);
    }
}
