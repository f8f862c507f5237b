package io.lrsweep.core.optim;

import java.util.List;

/** Every optimizer lrsweep offers, by the name sweep files use. */
public final class Optimizers {
    /** All of them, in the order messages and the README list them. */
    public static final List<OptimizerType<?>> ALL = List.of(Sgd.TYPE, RmsProp.TYPE, Adagrad.TYPE, Adam.TYPE, AdamW.TYPE);

    /** Their names. */
    public static final List<String> NAMES = ALL.stream().map(OptimizerType::name).toList();

    private Optimizers() {}

    /** The optimizer named {@code name}; IllegalArgumentException naming the allowed ones otherwise. */
    public static OptimizerType<?> named(String name) {
        for (OptimizerType<?> t : ALL) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("must be one of " + NAMES + ", got '" + name + "'");
    }

    /** The declaration of {@code optimizer}'s kind. */
    public static OptimizerType<?> of(OptimizerSpec optimizer) {
        return named(optimizer.name());
    }
}
