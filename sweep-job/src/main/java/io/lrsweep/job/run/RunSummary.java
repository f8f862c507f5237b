package io.lrsweep.job.run;

/**
 * What a run did: the output directory, trial counts, and the best setting by mean final
 * val_loss over its seeds (null when no trial ended ok).
 */
public record RunSummary(String out, int totalTrials, int resumed, int ran, int ok, int diverged, int saturated,
                         int stalled, int failed,
                         BestSetting best) {

    /**
     * One setting of the grid (all seeds), ranked by the mean of its trials' final val_loss;
     * {@code others} names its schedule, weight decay, Nesterov flag (sgd), hidden layers and batch
     * size, e.g. {@code schedule=constant weight_decay=0 hidden=[50] batch_size=32}.
     */
    public record BestSetting(String optimizer, double learningRate, Double momentum, double decay, Integer patience,
                              int seeds, double meanFinalValLoss, double meanFinalValAccuracy, String others) {}
}
