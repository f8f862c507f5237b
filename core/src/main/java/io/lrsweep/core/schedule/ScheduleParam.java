package io.lrsweep.core.schedule;

/**
 * One parameter of a schedule kind as sweep files name it: its key, whether it takes integers,
 * its default ({@code null}: the parameter is required, because no reference value exists to
 * fall back on), and the rule its values follow (in words, for messages and the README).
 */
public record ScheduleParam(String key, boolean integer, Number defaultValue, String rule) {

    public static ScheduleParam number(String key, Double defaultValue, String rule) {
        return new ScheduleParam(key, false, defaultValue, rule);
    }

    public static ScheduleParam integer(String key, Integer defaultValue, String rule) {
        return new ScheduleParam(key, true, defaultValue, rule);
    }

    /** Whether a sweep file must give this parameter. */
    public boolean required() {
        return defaultValue == null;
    }
}
