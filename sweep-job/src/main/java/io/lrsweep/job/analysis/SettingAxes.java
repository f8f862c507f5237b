package io.lrsweep.job.analysis;

import io.lrsweep.job.run.TrialRow;

import java.util.List;

/**
 * The setting columns of {@code trials/} the analysis knows, in the order settings are described.
 * A new grid axis is one more line in {@link #ALL} (once {@code trials/} and {@link TrialRow} hold
 * its column): every table, slice, profile and figure then takes it up. The learning rate and the
 * optimizer are also named, for what is specific to them (the U-curve runs along the learning rate;
 * a range test stands for an optimizer and its momentum).
 */
public final class SettingAxes {
    public static final SettingAxis OPTIMIZER = SettingAxis.text("optimizer", "optimizer", TrialRow::optimizer);
    public static final SettingAxis LEARNING_RATE = SettingAxis.number("learning_rate", "lr", "learning rate",
            TrialRow::learningRate).log();
    public static final SettingAxis MOMENTUM = SettingAxis.number("momentum", "momentum", "momentum",
            TrialRow::momentum).nullWhereNotApplicable();

    /** Every known setting column, in description order. */
    public static final List<SettingAxis> ALL = List.of(
            OPTIMIZER,
            LEARNING_RATE,
            MOMENTUM,
            SettingAxis.bool("nesterov", "Nesterov momentum", TrialRow::nesterov).nullWhereNotApplicable(),
            SettingAxis.number("decay", "decay", "decay", TrialRow::decay).schedule(),
            SettingAxis.number("weight_decay", "wd", "weight decay", TrialRow::weightDecay),
            SettingAxis.integer("patience", "patience", "plateau patience", TrialRow::patience).schedule(),
            SettingAxis.text("schedule", "schedule", TrialRow::schedule).schedule(),
            SettingAxis.integer("batch_size", "batch_size", "batch size", TrialRow::batchSize),
            SettingAxis.namedText("hidden", "hidden layers", TrialRow::hidden));

    private SettingAxes() {}

    public static int index(SettingAxis axis) {
        int i = ALL.indexOf(axis);
        if (i < 0) {
            throw new IllegalArgumentException("not a declared axis: " + axis.column());
        }
        return i;
    }

    public static SettingAxis named(String column) {
        return ALL.stream().filter(a -> a.column().equals(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no axis is called " + column));
    }
}
