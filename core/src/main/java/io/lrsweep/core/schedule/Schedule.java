package io.lrsweep.core.schedule;

/**
 * An epoch-wise learning-rate schedule: a pure function of the epoch that multiplies the base
 * learning rate (optax style). Time-based decay is per update and belongs to the optimizer
 * ({@code decay}); the plateau controller is a separate, stateful multiplier.
 */
public sealed interface Schedule extends java.io.Serializable permits Schedule.Constant, Schedule.StepDecay, Schedule.ExponentialDecay {

    /** The factor applied to the initial learning rate during {@code epoch} (0-based). */
    double factor(int epoch);

    /** The kind as written in sweep files. */
    String kind();

    /** No schedule: factor 1 every epoch. */
    record Constant() implements Schedule {
        @Override
        public double factor(int epoch) {
            return 1.0;
        }

        @Override
        public String kind() {
            return "constant";
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
        public double factor(int epoch) {
            return Math.pow(dropFactor, Math.floor((double) epoch / everyEpochs));
        }

        @Override
        public String kind() {
            return "step";
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
        public double factor(int epoch) {
            return Math.pow(rate, epoch);
        }

        @Override
        public String kind() {
            return "exponential";
        }
    }

    /** The schedule kinds accepted in sweep files. */
    java.util.List<String> KINDS = java.util.List.of("constant", "step", "exponential");
}
