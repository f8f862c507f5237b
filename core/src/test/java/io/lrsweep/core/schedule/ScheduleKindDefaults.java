package io.lrsweep.core.schedule;

import java.util.HashMap;
import java.util.Map;

/** One valid schedule of each kind, for tests: every required parameter given, the rest defaulted. */
final class ScheduleKindDefaults {
    private ScheduleKindDefaults() {}

    static Schedule example(ScheduleKind kind) {
        Map<String, Number> given = new HashMap<>();
        for (ScheduleParam p : kind.params) {
            if (p.required()) {
                given.put(p.key(), p.integer() ? (Number) 2 : (Number) 0.5);
            }
        }
        return kind.create(given);
    }
}
