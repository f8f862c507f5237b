package io.lrsweep.job.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which other axes go with an axis when its values are compared at fixed other settings. Two
 * kinds of axis belong to another one's value rather than to the setup it is compared in:
 * <ul>
 *   <li>an axis that applies to some of its values only: momentum exists for sgd, so the optimizers
 *       compare as "sgd momentum=0.9", "sgd momentum=0", "adam" at equal other settings;</li>
 *   <li>an axis its values decide: without a learning-rate axis each optimizer runs at its own rate,
 *       so the optimizers compare as "sgd lr=0.01", "adam lr=0.001" (when two axes decide each other,
 *       the later-declared goes with the earlier).</li>
 * </ul>
 * Only the settings where the axis applies are looked at (momentum's comparisons are among sgd's).
 */
public final class Folding {
    private Folding() {}

    /** The axes that go with {@code axis}'s values, in declared order. */
    public static List<SettingAxis> of(SettingAxis axis, List<Setting> applicable) {
        List<SettingAxis> out = new ArrayList<>();
        for (SettingAxis other : SettingAxes.ALL) {
            if (other == axis) {
                continue;
            }
            if (appliesByValue(axis, other, applicable) || decided(axis, other, applicable)) {
                out.add(other);
            }
        }
        return out;
    }

    /** {@code other} is "not applicable" for some values of {@code axis} and applicable for the rest. */
    private static boolean appliesByValue(SettingAxis axis, SettingAxis other, List<Setting> settings) {
        if (other.nullIsValue()) {
            return false;
        }
        Map<Object, Boolean> applies = new HashMap<>();
        for (Setting s : settings) {
            boolean a = other.applies(s.get(other));
            Boolean before = applies.put(s.get(axis), a);
            if (before != null && before != a) {
                return false;
            }
        }
        return applies.containsValue(true) && applies.containsValue(false);
    }

    /** {@code other} varies, {@code axis} decides it, and it does not decide {@code axis} (or comes later). */
    private static boolean decided(SettingAxis axis, SettingAxis other, List<Setting> settings) {
        Set<Object> values = new HashSet<>();
        for (Setting s : settings) {
            values.add(s.get(other));
        }
        if (values.size() < 2 || !decides(axis, other, settings)) {
            return false;
        }
        return !decides(other, axis, settings) || SettingAxes.index(axis) < SettingAxes.index(other);
    }

    /** Each value of {@code a} goes with a single value of {@code b}. */
    private static boolean decides(SettingAxis a, SettingAxis b, List<Setting> settings) {
        Map<Object, Object> seen = new HashMap<>();
        for (Setting s : settings) {
            if (seen.containsKey(s.get(a)) && !Objects.equals(seen.get(s.get(a)), s.get(b))) {
                return false;
            }
            seen.put(s.get(a), s.get(b));
        }
        return true;
    }
}
