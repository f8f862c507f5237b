package io.lrsweep.core.schedule;

/**
 * A learning-rate schedule: a pure function of the update that multiplies the base learning rate
 * (optax style), see {@code io.lrsweep.core.train.LearningRate}. {@code t} is the 0-based update
 * index, {@code U} the updates per epoch, {@code T} all updates of the run; the epoch-wise kinds
 * read the epoch {@code t / U}. Time-based decay and the plateau controller are separate factors.
 */
public sealed interface Schedule extends java.io.Serializable permits Schedule.Constant, Schedule.StepDecay, Schedule.ExponentialDecay {

    /** The factor applied to the base learning rate for update {@code t} of {@code T}, {@code U} per epoch. */
    double factor(long t, long updatesPerEpoch, long totalUpdates);

    /** The kind as written in sweep files. */
    String kind();

    /** No schedule: factor 1 every epoch. */
    record Constant() implements Schedule {
        @Override
        public double factor(long t, long updatesPerEpoch, long totalUpdates) {
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
        public double factor(long t, long updatesPerEpoch, long totalUpdates) {
            long epoch = t / updatesPerEpoch;
            return StrictMath.pow(dropFactor, (double) (epoch / everyEpochs));
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
        public double factor(long t, long updatesPerEpoch, long totalUpdates) {
            return StrictMath.pow(rate, (double) (t / updatesPerEpoch));
        }

        @Override
        public String kind() {
            return "exponential";
        }
    }

    /** The schedule kinds accepted in sweep files. */
    java.util.List<String> KINDS = java.util.List.of("constant", "step", "exponential");
}
