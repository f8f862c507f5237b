package io.lrsweep.core.sweep;

import java.util.Collection;

/**
 * A sweep file (or a programmatically built sweep) that cannot be run, with the JSON path of the
 * offending field, e.g. {@code grid.learning_rate[2]}. The path is empty when the problem is the
 * document as a whole (malformed JSON, too large, not an object).
 *
 * <p>Unchecked, and an {@link IllegalArgumentException}, so that the sweep records can throw it from
 * their compact constructors exactly like the other core specs do; the command line maps it to exit
 * status 2. The message always starts with the field path and says what is allowed.
 */
public final class SweepSpecException extends IllegalArgumentException {

    private final String field;

    /** {@code message} must already name the field; prefer {@link #at}. */
    public SweepSpecException(String field, String message) {
        super(message);
        this.field = field == null ? "" : field;
    }

    public SweepSpecException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field == null ? "" : field;
    }

    /** "{@code field} {@code detail}", e.g. {@code at("grid.decay[1]", "must be >= 0, got -1.0")}. */
    static SweepSpecException at(String field, String detail) {
        return new SweepSpecException(field, field.isEmpty() ? detail : field + " " + detail);
    }

    /** The JSON path of the offending field ({@code a.b[3].c}), or "" for the whole document. */
    public String field() {
        return field;
    }

    /**
     * Re-labels an {@link IllegalArgumentException} thrown by a core spec's constructor (whose
     * messages start with the field name, e.g. {@code "dataset.samples must be ..."} or
     * {@code "rho must be ..."}) with the full JSON path inside {@code section}. The field is the
     * last dotted segment of the message's first word (with any {@code [i]} kept) when it names one
     * of {@code fields}; otherwise
     * the section itself is blamed.
     */
    static SweepSpecException wrap(String section, Collection<String> fields, IllegalArgumentException e) {
        if (e instanceof SweepSpecException s) {
            return s;
        }
        String message = e.getMessage() == null ? "is invalid" : e.getMessage();
        int space = message.indexOf(' ');
        String first = space < 0 ? message : message.substring(0, space);
        String name = first.substring(first.lastIndexOf('.') + 1);
        int bracket = name.indexOf('[');
        if (fields.contains(bracket < 0 ? name : name.substring(0, bracket))) {
            String path = section + "." + name;
            String rest = space < 0 ? "" : message.substring(space);
            return new SweepSpecException(path, path + rest, e);
        }
        return new SweepSpecException(section, section + ": " + message, e);
    }
}
