package io.lrsweep.job.analysis;

import io.lrsweep.job.run.TrialRow;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * A numeric axis along which the transfer analysis follows the best learning rate, declared once:
 * its name in {@code transfer/axis}, the setting axes it stands for (left out of the setup, with the
 * learning rate), how a trial gives its value, what else a setup is told apart by (a width is
 * compared at one depth), and the variable the power law is fitted in ({@code best_lr ~ x^exponent}).
 * The epoch budget is read from the curves, not from a setting ({@link #EPOCHS}).
 */
public enum TransferAxis {
    BATCH_SIZE("batch_size", "batch size", "batch_size", List.of("batch_size"), t -> d(t.batchSize()), t -> List.of(),
            x -> x),
    WIDTH("width", "hidden width", "width", List.of("hidden"), t -> d(t.hiddenWidth()),
            t -> List.of("depth", String.valueOf(t.hiddenLayers())), x -> x),
    DEPTH("depth", "hidden layers", "depth", List.of("hidden"), t -> d(t.hiddenLayers()),
            t -> List.of("width", String.valueOf(t.hiddenWidth())), x -> x),
    WEIGHT_DECAY("weight_decay", "weight decay", "weight_decay", List.of("weight_decay"), t -> t.weightDecay(),
            t -> List.of(), x -> x),
    /** The effective lr lr / (1 - momentum) is the same at every momentum when best_lr ~ (1 - momentum)^1. */
    MOMENTUM("momentum", "momentum", "1 - momentum", List.of("momentum"), TrialRow::momentum, t -> List.of(), x -> 1.0 - x),
    /** The best lr had training stopped after this many epochs (the curves' values at that epoch). */
    EPOCHS("epochs", "epochs (budget)", "epochs", List.of(), t -> null, t -> List.of(), x -> x);

    /** The value in {@code transfer/axis}. */
    public final String column;
    public final String label;
    /** The power law's variable, as written: {@code best_lr ~ (fitVariable)^exponent}. */
    public final String fitVariable;
    final List<String> replaces;
    final Function<TrialRow, Double> value;
    final Function<TrialRow, List<Object>> extraKey;
    final DoubleUnaryOperator fitX;

    TransferAxis(String column, String label, String fitVariable, List<String> replaces, Function<TrialRow, Double> value,
                 Function<TrialRow, List<Object>> extraKey, DoubleUnaryOperator fitX) {
        this.column = column;
        this.label = label;
        this.fitVariable = fitVariable;
        this.replaces = replaces;
        this.value = value;
        this.extraKey = extraKey;
        this.fitX = fitX;
    }

    /** The setting axes a setup along this axis leaves out: the learning rate and those it stands for. */
    List<SettingAxis> leftOut() {
        List<SettingAxis> out = new java.util.ArrayList<>();
        out.add(SettingAxes.LEARNING_RATE);
        for (String r : replaces) {
            out.add(SettingAxes.named(r));
        }
        return out;
    }

    public static TransferAxis named(String column) {
        for (TransferAxis a : values()) {
            if (a.column.equals(column)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no transfer axis is called " + column);
    }

    private static Double d(Integer v) {
        return v == null ? null : v.doubleValue();
    }
}
