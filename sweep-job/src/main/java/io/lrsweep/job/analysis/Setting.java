package io.lrsweep.job.analysis;

import io.lrsweep.job.run.TrialRow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * One point of the grid without its seed: a value (or null) per axis of {@link SettingAxes#ALL}, in
 * that order. What trials are averaged over seeds by; equal exactly when every value is equal
 * (Double's equality: the bits), never by label.
 */
public record Setting(List<Object> values) {

    public Setting {
        if (values.size() != SettingAxes.ALL.size()) {
            throw new IllegalArgumentException("a setting has a value per axis, got " + values.size());
        }
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    public static Setting of(TrialRow t) {
        List<Object> v = new ArrayList<>(SettingAxes.ALL.size());
        for (SettingAxis a : SettingAxes.ALL) {
            v.add(a.read().apply(t));
        }
        return new Setting(v);
    }

    public Object get(SettingAxis axis) {
        return values.get(SettingAxes.index(axis));
    }

    public double learningRate() {
        return ((Number) get(SettingAxes.LEARNING_RATE)).doubleValue();
    }

    public String optimizer() {
        return (String) get(SettingAxes.OPTIMIZER);
    }

    public Double momentum() {
        return (Double) get(SettingAxes.MOMENTUM);
    }

    /** The values on every axis but {@code left}: the key of a slice's setup. */
    public List<Object> without(Collection<SettingAxis> left) {
        List<Object> key = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            key.add(left.contains(SettingAxes.ALL.get(i)) ? Left.OUT : values.get(i));
        }
        return key;
    }

    /** The setting written out on the given axes where they apply, in declared order: {@code sgd lr=0.01 momentum=0.9}. */
    public String describe(Collection<SettingAxis> shown) {
        List<String> parts = new ArrayList<>();
        for (SettingAxis a : SettingAxes.ALL) {
            if (shown.contains(a) && a.applies(get(a))) {
                parts.add(a.describe(get(a)));
            }
        }
        return String.join(" ", parts);
    }

    /** The setting as said in a sentence, on the given axes where they apply: {@code sgd, momentum 0.9}. */
    public String spoken(Collection<SettingAxis> shown) {
        List<String> parts = new ArrayList<>();
        for (SettingAxis a : SettingAxes.ALL) {
            if (shown.contains(a) && a.applies(get(a))) {
                parts.add(a.spoken(get(a)));
            }
        }
        return String.join(", ", parts);
    }

    /** Marks an axis left out of a key (distinct from null, which is a value). */
    private enum Left { OUT }
}
