package io.lrsweep.core.schedule;

import io.lrsweep.core.text.NumberText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A learning-rate schedule: a pure function of the update that multiplies the base learning rate
 * (optax style), see {@code io.lrsweep.core.train.LearningRate}. {@code t} is the 0-based update
 * index, {@code U} the updates per epoch, {@code T} all updates of the run; the epoch-wise kinds
 * (step, exponential) read the epoch {@code t / U}, the others are stepped per update. Time-based
 * decay and the plateau controller are separate factors. The kinds and their parameters are
 * declared in {@link ScheduleKind}.
 *
 * <p>Whatever decides a learning rate uses {@link StrictMath} (never {@code Math.pow/cos}, whose
 * bits may differ between JVMs), so a factor has the same bits everywhere.
 */
public sealed interface Schedule extends java.io.Serializable
        permits Schedule.Constant, Schedule.StepDecay, Schedule.ExponentialDecay, Cosine, WarmupStableDecay, OneCycle,
        Triangular {

    /** The factor applied to the base learning rate for update {@code t} of {@code T}, {@code U} per epoch. */
    double factor(long t, long updatesPerEpoch, long totalUpdates);

    /** The kind's declaration. */
    ScheduleKind type();

    /** The kind as written in sweep files. */
    default String kind() {
        return type().label;
    }

    /** Every parameter's value in declared order: Integer for integer parameters, Double otherwise. */
    Map<String, Number> parameters();

    /**
     * The schedule as one text, the kind first, every parameter written as people write numbers:
     * {@code constant}, {@code step(drop_factor=0.5,every_epochs=10)},
     * {@code one_cycle(pct_start=0.3,div_factor=25,final_div_factor=10000)}. Distinct schedules
     * have distinct texts (the {@code schedule} column of curves/ and trials/).
     */
    default String text() {
        java.util.StringJoiner text = new java.util.StringJoiner(",", kind() + "(", ")");
        parameters().forEach((key, value) -> text.add(key + "=" + NumberText.of(value)));
        return parameters().isEmpty() ? kind() : text.toString();
    }

    /**
     * Refuses a schedule that cannot run for {@code epochs} epochs, whatever the updates per epoch
     * (IllegalArgumentException whose message starts with the parameter's key).
     */
    default void checkEpochs(int epochs) {
    }

    /**
     * Refuses a schedule that cannot run with {@code U} updates per epoch and {@code T} in all
     * (IllegalArgumentException saying why): called before a trial's first update, so such a trial
     * fails with the reason instead of training on a NaN learning rate.
     */
    default void check(long updatesPerEpoch, long totalUpdates) {
    }

    /** An ordered parameter map, for the records below. */
    static Map<String, Number> params(Object... keysAndValues) {
        Map<String, Number> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], (Number) keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** No schedule: factor 1 every epoch. */
    record Constant() implements Schedule {
        @Override
        public double factor(long t, long updatesPerEpoch, long totalUpdates) {
            return 1.0;
        }

        @Override
        public ScheduleKind type() {
            return ScheduleKind.CONSTANT;
        }

        @Override
        public Map<String, Number> parameters() {
            return Map.of();
        }
    }

    /** Drop by {@code dropFactor} every {@code everyEpochs} epochs: {@code dropFactor^floor(epoch / everyEpochs)}. */
    record StepDecay(double dropFactor, int everyEpochs) implements Schedule {
        public StepDecay {
            if (!(dropFactor > 0.0 && dropFactor < 1.0)) {
                throw new IllegalArgumentException("schedule.drop_factor must be in (0, 1), got " + dropFactor);
            }
            if (everyEpochs < 1) {
                throw new IllegalArgumentException("schedule.every_epochs must be an integer >= 1, got " + everyEpochs);
            }
        }

        @Override
        public double factor(long t, long updatesPerEpoch, long totalUpdates) {
            long epoch = t / updatesPerEpoch;
            return StrictMath.pow(dropFactor, (double) (epoch / everyEpochs));
        }

        @Override
        public ScheduleKind type() {
            return ScheduleKind.STEP;
        }

        @Override
        public Map<String, Number> parameters() {
            return params("drop_factor", dropFactor, "every_epochs", everyEpochs);
        }
    }

    /** Exponential decay per epoch: {@code rate^epoch}. */
    record ExponentialDecay(double rate) implements Schedule {
        public ExponentialDecay {
            if (!(rate > 0.0 && rate < 1.0)) {
                throw new IllegalArgumentException("schedule.rate must be in (0, 1), got " + rate);
            }
        }

        @Override
        public double factor(long t, long updatesPerEpoch, long totalUpdates) {
            return StrictMath.pow(rate, (double) (t / updatesPerEpoch));
        }

        @Override
        public ScheduleKind type() {
            return ScheduleKind.EXPONENTIAL;
        }

        @Override
        public Map<String, Number> parameters() {
            return params("rate", rate);
        }
    }

    /** The schedule kinds accepted in sweep files. */
    List<String> KINDS = ScheduleKind.LABELS;
}
