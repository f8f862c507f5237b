package io.lrsweep.core.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An optimizer's declaration, next to its math in its own file: the name sweep files use, its
 * fields in order ({@link Field}: the learning rate first, then its own, then the time-based decay and
 * the weight decay, which every optimizer has), how to build it from their values (the record's constructor,
 * which validates them) and how to read them back. The sweep parser, the resolved-spec writer, the
 * trial id and the README's table all read the fields from here, so adding an optimizer is its
 * file plus a line in {@link Optimizers}.
 *
 * @param <O> the optimizer's record
 */
public final class OptimizerType<O extends OptimizerSpec> {
    /** Every optimizer's base learning rate (a grid axis; its default is the optimizer's own). */
    public static final String LEARNING_RATE = "learning_rate";
    /** Keras's time-based decay, a grid axis of every optimizer. */
    public static final String DECAY = "decay";
    /** Weight decay of the kernels, a grid axis of every optimizer (its single value may be set per optimizer). */
    public static final String WEIGHT_DECAY = "weight_decay";

    /** The coupled optimizers' weight decay field: Keras's l2, none by default (Keras sets no regulariser). */
    static final Field COUPLED_WEIGHT_DECAY = Field.number(WEIGHT_DECAY, 0.0,
            "a finite number >= 0, coupled L2 (see grid.weight_decay)");

    private final String name;
    private final List<Field> fields;
    private final Function<Map<String, Object>, O> create;
    private final Function<O, Map<String, Object>> read;

    /**
     * @param own    the optimizer's own fields, between learning_rate and decay
     * @param create builds the optimizer from a value for every field (throws IllegalArgumentException naming a bad one)
     * @param read   every field's value of an optimizer, learning_rate, decay and weight_decay included
     */
    public OptimizerType(String name, Field learningRate, List<Field> own, Function<Map<String, Object>, O> create,
                         Function<O, Map<String, Object>> read) {
        this(name, learningRate, own, COUPLED_WEIGHT_DECAY, create, read);
    }

    /** As above, with the optimizer's own weight decay field (its default and rule; key {@value #WEIGHT_DECAY}). */
    public OptimizerType(String name, Field learningRate, List<Field> own, Field weightDecay,
                         Function<Map<String, Object>, O> create, Function<O, Map<String, Object>> read) {
        if (!weightDecay.key().equals(WEIGHT_DECAY)) {
            throw new IllegalArgumentException("the weight decay field's key is " + WEIGHT_DECAY + ", got " + weightDecay.key());
        }
        this.name = name;
        List<Field> all = new ArrayList<>();
        all.add(learningRate.asBase());
        all.addAll(own);
        all.add(Field.number(DECAY, 0.0, "a finite number >= 0: lr / (1 + decay * t) per update").asAxis());
        all.add(weightDecay.asBase());
        this.fields = Collections.unmodifiableList(all);
        this.create = create;
        this.read = read;
    }

    public String name() {
        return name;
    }

    /** Every field in order. */
    public List<Field> fields() {
        return fields;
    }

    /** The fields set once per sweep, in the {@code optimizers} block. */
    public List<Field> configured() {
        return fields.stream().filter(f -> !f.axis()).toList();
    }

    /** The fields the {@code optimizers} block may set: the configured ones and the base values of axes. */
    public List<Field> blockFields() {
        return fields.stream().filter(f -> !f.axis() || f.base()).toList();
    }

    /** The field named {@code key}; IllegalArgumentException when there is none. */
    public Field field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no field " + key));
    }

    /** Whether {@code key} is one of this optimizer's fields. */
    public boolean has(String key) {
        return fields.stream().anyMatch(f -> f.key().equals(key));
    }

    /**
     * The optimizer with {@code given} values and every other field at its default (see
     * {@link #complete}). Throws IllegalArgumentException naming the field of a bad value.
     */
    public O create(Map<String, Object> given) {
        return create.apply(complete(given));
    }

    /** {@code given} with every missing field at its default, worked out from the values given and before it. */
    public Map<String, Object> complete(Map<String, Object> given) {
        Map<String, Object> values = new LinkedHashMap<>(given);
        for (Field f : fields) {
            if (!values.containsKey(f.key())) {
                values.put(f.key(), f.defaultFor(values));
            }
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (Field f : fields) {
            ordered.put(f.key(), values.get(f.key()));
        }
        return ordered;
    }

    /** The defaults of every field. */
    public O defaults() {
        return create(Map.of());
    }

    /** Every field's value of {@code optimizer}, in field order. */
    public Map<String, Object> values(OptimizerSpec optimizer) {
        Map<String, Object> v = read.apply(cast(optimizer));
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (Field f : fields) {
            ordered.put(f.key(), v.get(f.key()));
        }
        return ordered;
    }

    /** {@code template} with some fields set to other values (a trial's axis values). */
    public O with(OptimizerSpec template, Map<String, Object> changed) {
        Map<String, Object> v = values(template);
        v.putAll(changed);
        return create.apply(v);
    }

    private O cast(OptimizerSpec o) {
        if (!o.name().equals(name)) {
            throw new IllegalArgumentException("not a " + name + " optimizer: " + o);
        }
        @SuppressWarnings("unchecked")
        O typed = (O) o;
        return typed;
    }

    /** Reads a number from a value map (as the create function receives it). */
    public static double number(Map<String, Object> v, String key) {
        return ((Number) v.get(key)).doubleValue();
    }

    public static boolean bool(Map<String, Object> v, String key) {
        return (Boolean) v.get(key);
    }

    public static String choice(Map<String, Object> v, String key) {
        return (String) v.get(key);
    }

    /** A value map in order, for the read functions. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Override
    public String toString() {
        return name;
    }
}
