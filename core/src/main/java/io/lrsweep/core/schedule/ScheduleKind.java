package io.lrsweep.core.schedule;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.lrsweep.core.schedule.ScheduleParam.integer;
import static io.lrsweep.core.schedule.ScheduleParam.number;

/**
 * Every schedule kind a sweep file can name, with its parameters in order (defaults and rules)
 * and how to build it from their values (the record's constructor, which validates them). The
 * sweep parser, the resolved-spec writer, the trial id, the {@code schedule} column and the
 * README's rows all read the parameters from here.
 */
public enum ScheduleKind {
    CONSTANT("constant", "1", List.of(), v -> new Schedule.Constant()),
    STEP("step", "drop_factor^floor(epoch / every_epochs), epoch = floor(t / U)",
            List.of(number("drop_factor", null, "in (0, 1)"), integer("every_epochs", null, "an integer >= 1")),
            v -> new Schedule.StepDecay(d(v, "drop_factor"), i(v, "every_epochs"))),
    EXPONENTIAL("exponential", "rate^epoch, epoch = floor(t / U)", List.of(number("rate", null, "in (0, 1)")),
            v -> new Schedule.ExponentialDecay(d(v, "rate"))),
    COSINE("cosine", "(t+1)/W for t < W, else m + (1-m) (1 + cos(pi (t-W)/(T-W))) / 2; W = warmup_epochs x U, m = min_factor",
            List.of(integer("warmup_epochs", 0, "an integer >= 0, below training.epochs"),
                    number("min_factor", 0.0, "in [0, 1]")),
            v -> new Cosine(i(v, "warmup_epochs"), d(v, "min_factor"))),
    WSD("wsd", "(t+1)/W for t < W, 1 for t < T-D, else 1 - (1-m) (t-(T-D)+1)/D; W = warmup_epochs x U, D = round(decay_fraction x T) (halves up), m = min_factor",
            List.of(integer("warmup_epochs", 0, "an integer >= 0"),
                    number("decay_fraction", null, "in (0, 1], with warmup_epochs + decay_fraction x training.epochs <= training.epochs"),
                    number("min_factor", 0.0, "in [0, 1]")),
            v -> new WarmupStableDecay(i(v, "warmup_epochs"), d(v, "decay_fraction"), d(v, "min_factor"))),
    ONE_CYCLE("one_cycle", "PyTorch's OneCycleLR stepped per update: max_lr = the grid's lr, total_steps = T, cos annealing, two phases, no momentum cycling",
            List.of(number("pct_start", 0.3, "in [0, 1]"), number("div_factor", 25.0, "a finite number > 0"),
                    number("final_div_factor", 1e4, "a finite number > 0")),
            v -> new OneCycle(d(v, "pct_start"), d(v, "div_factor"), d(v, "final_div_factor"))),
    TRIANGULAR("triangular", "PyTorch's CyclicLR mode triangular stepped per update: base_lr = base_factor x lr, max_lr = lr, step_size_up = step_epochs x U, no momentum cycling",
            List.of(number("base_factor", null, "in [0, 1]"), number("step_epochs", null, "a finite number > 0")),
            v -> new Triangular(d(v, "base_factor"), d(v, "step_epochs")));

    /** The kinds' names, in the order messages and the README list them. */
    public static final List<String> LABELS = Arrays.stream(values()).map(k -> k.label).toList();

    /** The name sweep files use. */
    public final String label;
    /** The factor in words, for the README. */
    public final String formula;
    /** The parameters, in the order they are written. */
    public final List<ScheduleParam> params;
    private final Function<Map<String, Number>, Schedule> create;

    ScheduleKind(String label, String formula, List<ScheduleParam> params, Function<Map<String, Number>, Schedule> create) {
        this.label = label;
        this.formula = formula;
        this.params = params;
        this.create = create;
    }

    /** The kind named {@code label}; IllegalArgumentException naming the allowed ones otherwise. */
    public static ScheduleKind named(String label) {
        for (ScheduleKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind must be one of " + LABELS + ", got '" + label + "'");
    }

    /** The parameter keys, in order. */
    public List<String> keys() {
        return params.stream().map(ScheduleParam::key).toList();
    }

    /**
     * The schedule with {@code given} values and every other parameter at its default. Throws
     * IllegalArgumentException naming the parameter when a required one is missing or a value is
     * out of range.
     */
    public Schedule create(Map<String, ? extends Number> given) {
        Map<String, Number> values = new LinkedHashMap<>();
        for (ScheduleParam p : params) {
            Number v = given.containsKey(p.key()) ? given.get(p.key()) : p.defaultValue();
            if (v == null) {
                throw new IllegalArgumentException(p.key() + " is required for schedule kind " + label + ": " + p.rule());
            }
            values.put(p.key(), v);
        }
        for (String key : given.keySet()) {
            if (!keys().contains(key)) {
                throw new IllegalArgumentException(key + " is not a parameter of schedule kind " + label + "; it has " + keys());
            }
        }
        return create.apply(values);
    }

    private static double d(Map<String, Number> v, String key) {
        return v.get(key).doubleValue();
    }

    private static int i(Map<String, Number> v, String key) {
        return v.get(key).intValue();
    }
}
