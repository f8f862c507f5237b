package io.lrsweep.job.analysis;

import io.lrsweep.job.run.TrialRow;

import java.util.Comparator;
import java.util.function.Function;

/**
 * One setting column of {@code trials/} that a grid can vary: its column name, how people write it,
 * how its values read and order, and where a trial holds it. The analysis treats every axis alike
 * (see {@link SettingAxes} for the declared list): an axis with more than one value in a sweep gets
 * its slices and its profile.
 *
 * @param column      the column in {@code trials/}, {@code curves/} and the analysis tables
 * @param term        the short name in a setting's description ({@code lr=0.01})
 * @param label       the name in titles and headings ({@code learning rate})
 * @param kind        how values are typed and compared
 * @param logScale    whether its values span decades (figures put it on a log axis)
 * @param nullReads   how a null value reads ({@code none}: no plateau controller)
 * @param nullIsValue whether null is a choice of its own (patience none) rather than "does not
 *                    apply" (momentum of an optimizer that has none): an axis's slices and profile
 *                    leave out the settings where it does not apply
 * @param shapesLr    whether its values change the learning rate over the epochs (decay, a plateau
 *                    controller, a schedule): the report then draws the lr over epochs by its values
 * @param read        the value in a trial's row: a String, Double, Integer or Boolean, or null
 * @param bare        whether a value is written alone, without {@code term=} ({@code sgd}; but {@code hidden=[64]})
 */
public record SettingAxis(String column, String term, String label, Kind kind, boolean logScale, String nullReads,
                          boolean nullIsValue, boolean shapesLr, Function<TrialRow, Object> read, boolean bare) {

    /** How an axis's values are typed (and so written, ordered and drawn). */
    public enum Kind { TEXT, NUMBER, INTEGER, BOOLEAN }

    public static SettingAxis text(String column, String label, Function<TrialRow, Object> read) {
        return new SettingAxis(column, column, label, Kind.TEXT, false, "none", true, false, read, true);
    }

    /** A text axis whose values are written with its name ({@code hidden=[64]}): values that do not say what they are. */
    public static SettingAxis namedText(String column, String label, Function<TrialRow, Object> read) {
        return new SettingAxis(column, column, label, Kind.TEXT, false, "none", true, false, read, false);
    }

    public static SettingAxis number(String column, String term, String label, Function<TrialRow, Object> read) {
        return new SettingAxis(column, term, label, Kind.NUMBER, false, "none", true, false, read, false);
    }

    public static SettingAxis integer(String column, String term, String label, Function<TrialRow, Object> read) {
        return new SettingAxis(column, term, label, Kind.INTEGER, false, "none", true, false, read, false);
    }

    public static SettingAxis bool(String column, String label, Function<TrialRow, Object> read) {
        return new SettingAxis(column, column, label, Kind.BOOLEAN, false, "none", true, false, read, false);
    }

    /** The same axis on a log scale. */
    public SettingAxis log() {
        return new SettingAxis(column, term, label, kind, true, nullReads, nullIsValue, shapesLr, read, bare);
    }

    /** The same axis where null means "does not apply" (and reads as {@code n/a}). */
    public SettingAxis nullWhereNotApplicable() {
        return new SettingAxis(column, term, label, kind, logScale, "n/a", false, shapesLr, read, bare);
    }

    /** The same axis, marked as changing the learning rate over the epochs. */
    public SettingAxis schedule() {
        return new SettingAxis(column, term, label, kind, logScale, nullReads, nullIsValue, true, read, bare);
    }

    public boolean numeric() {
        return kind == Kind.NUMBER || kind == Kind.INTEGER;
    }

    /** Whether a value belongs to this axis's slices (it applies to the setting). */
    public boolean applies(Object value) {
        return value != null || nullIsValue;
    }

    /** A value as people write it: {@code 0.01}, {@code sgd}, {@code none}. */
    public String format(Object value) {
        if (value == null) {
            return nullReads;
        }
        return value instanceof Double d ? Labels.num(d) : String.valueOf(value);
    }

    /** {@code lr=0.01}; the value alone for bare text axes ({@code sgd}). */
    public String describe(Object value) {
        return bare && value != null ? format(value) : term + "=" + format(value);
    }

    /** As said in a sentence: {@code momentum 0.9}, {@code lr 0.01}; the value alone for bare text axes ({@code sgd}). */
    public String spoken(Object value) {
        return bare && value != null ? format(value) : term + " " + format(value);
    }

    /** The value as a number for figures and {@code axis_number} (null for text, booleans and null). */
    public Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    /**
     * Values in reading order: null first (none, n/a), numbers ascending, text and booleans as text
     * with the numbers in it read as numbers ({@code [8]} before {@code [32]} before {@code [128]}).
     */
    public Comparator<Object> order() {
        return Comparator.nullsFirst((a, b) -> a instanceof Number x && b instanceof Number y
                ? Double.compare(x.doubleValue(), y.doubleValue()) : NaturalOrder.compare(String.valueOf(a), String.valueOf(b)));
    }

    @Override
    public String toString() {
        return column;
    }
}
