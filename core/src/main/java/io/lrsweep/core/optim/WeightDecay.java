package io.lrsweep.core.optim;

/**
 * How an optimizer applies its {@code weight_decay} wd to the kernel weights (see
 * {@link ParameterBlock}); applied by {@link Optimizer#step} before the optimizer's own update,
 * and only where wd is not 0.
 */
public enum WeightDecay {
    /**
     * Coupled L2, Keras 2.2.4's {@code kernel_regularizer=l2(wd)}: the loss gains
     * {@code wd * sum(w^2)} over the kernels ({@code regularizers.L1L2.__call__}:
     * {@code regularization += K.sum(self.l2 * K.square(x))}), so the gradient gains
     * {@code 2 * wd * w}, which then passes through the optimizer's own rule (momentum, the
     * adaptive scaling) like any gradient: {@code g = g + (2 wd) * w}.
     */
    COUPLED_L2,
    /**
     * Decoupled (Loshchilov and Hutter 2019), PyTorch's AdamW: the weights shrink by the update's
     * learning rate times wd before the step, {@code w = w * (1 - lr_t * wd)}
     * ({@code param.mul_(1 - lr * weight_decay)} in {@code torch/optim/adam.py}), outside the
     * adaptive scaling.
     */
    DECOUPLED
}
