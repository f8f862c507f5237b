package io.lrsweep.job.analysis;

/**
 * One row of an axis's comparison: a value of the axis in a slice, with the setting that stands
 * for it, its rank in the slice and how it compares with the slice's best.
 *
 * @param slice     {@code profile}: each value at its own best setting of the other axes;
 *                  {@code setup}: the other settings fixed as {@code setup} says
 * @param setup     the fixed settings (setup slices), or what the profile is ({@code profile})
 * @param value     the axis value as written, with the axes that go with it ({@link Folding})
 * @param number    the axis value as a number (null for text axes and null values)
 * @param rank      1 = best; recommendable settings (every seed ok) before the others, then by the
 *                  metric's mean; equal means share a rank
 * @param size      the rows in this slice
 * @param vsBest    the paired comparison with the slice's best (null when the slice has no
 *                  recommendable best)
 */
public record SliceRow(SettingAxis axis, String slice, String setup, String value, Double number, SettingTrials setting,
                       int rank, int size, PairedComparison vsBest) {

    public static final String PROFILE = "profile";
    public static final String SETUP = "setup";

    public boolean profile() {
        return PROFILE.equals(slice);
    }
}
