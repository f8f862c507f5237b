package io.lrsweep.job.analysis;

import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One point of the grid without its seed: what a row of {@code trials/} is averaged over seeds by.
 * {@code momentum} is null for optimizers without one, {@code patience} null without a plateau
 * controller, exactly as in the tables.
 */
public record Setting(String optimizer, double learningRate, Double momentum, double decay, Integer patience)
        implements Serializable {

    public Setting {
        Objects.requireNonNull(optimizer, "optimizer");
    }

    /** Reads the five settings columns of a row by name (trials, curves and every analysis table). */
    public static Setting of(Row r) {
        int m = r.fieldIndex("momentum");
        int p = r.fieldIndex("patience");
        return new Setting(r.getAs("optimizer"), r.<Double>getAs("learning_rate"),
                r.isNullAt(m) ? null : r.getDouble(m), r.<Double>getAs("decay"),
                r.isNullAt(p) ? null : r.getInt(p));
    }

    /** This setting's value on an axis, as a label. */
    public String value(Axis axis) {
        return switch (axis) {
            case OPTIMIZER -> optimizer;
            case LEARNING_RATE -> Labels.num(learningRate);
            case MOMENTUM -> momentum == null ? "none" : Labels.num(momentum);
            case DECAY -> Labels.num(decay);
            case PATIENCE -> Labels.patience(patience);
        };
    }

    /** This setting's value on a numeric axis (null for the optimizer, a missing momentum or patience). */
    public Double number(Axis axis) {
        return switch (axis) {
            case OPTIMIZER -> null;
            case LEARNING_RATE -> learningRate;
            case MOMENTUM -> momentum;
            case DECAY -> decay;
            case PATIENCE -> patience == null ? null : patience.doubleValue();
        };
    }

    /** "axis=value" for one axis, e.g. {@code lr=0.01}, {@code momentum=0.9}, {@code patience=none}. */
    public String term(Axis axis) {
        return switch (axis) {
            case OPTIMIZER -> optimizer;
            case LEARNING_RATE -> "lr=" + Labels.num(learningRate);
            case MOMENTUM -> momentum == null ? "" : "momentum=" + Labels.num(momentum);
            case DECAY -> "decay=" + Labels.num(decay);
            case PATIENCE -> "patience=" + Labels.patience(patience);
        };
    }

    /** The setting written out without the given axes, e.g. {@code sgd momentum=0 decay=0 patience=none}. */
    public String describeWithout(Axis... left) {
        List<String> parts = new ArrayList<>();
        outer:
        for (Axis a : Axis.values()) {
            for (Axis l : left) {
                if (a == l) {
                    continue outer;
                }
            }
            String t = term(a);
            if (!t.isEmpty()) {
                parts.add(t);
            }
        }
        return String.join(" ", parts);
    }

    public String describe() {
        return describeWithout();
    }

    /** The U-curve's setup: everything but the learning rate. */
    public Setting withLearningRate(double lr) {
        return new Setting(optimizer, lr, momentum, decay, patience);
    }
}
