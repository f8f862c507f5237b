package io.lrsweep.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.lrsweep.bench.report.Results.Jmh;
import io.lrsweep.bench.shapes.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape matrix of issue 10: per shape, our time per trial (lone and in a group of 8) against
 * scikit-learn's and PyTorch's, and our FLOP rate against the core's measured peaks; and the
 * issue's speed targets.
 */
final class ShapeMatrix {
    /** Issue 10's goals. */
    private static final double SKLEARN_RATIO = 1.5;
    private static final double TORCH_RATIO_LONE = 40;
    private static final double TORCH_RATIO_GROUP = 80;
    private static final double PEAK_FRACTION = 0.25;
    /** Shapes with at least this many hidden units are held to the fraction of peak. */
    private static final int PEAK_HIDDEN_UNITS = 64;

    private final Results r;
    private final Peak peak;

    private ShapeMatrix(Results r, Peak peak) {
        this.r = r;
        this.peak = peak;
    }

    /** One shape's figures; NaN for what was not measured. */
    private record Row(Shape shape, double loneMs, double groupMs, double sklearnS, double torchS) {
        double gflops(double ms) {
            return shape.flopsPerTrial() / (ms / 1e3) / 1e9;
        }
    }

    static void write(Markdown m, Results r, Peak peak, Targets targets) {
        new ShapeMatrix(r, peak).write(m, targets);
    }

    private Row row(Shape s) {
        Jmh lone = r.jmh("ShapeBenchmark.lone", "shape", s.name());
        Jmh group = r.jmh("ShapeBenchmark.groupOf8", "shape", s.name());
        return new Row(s, lone == null ? Double.NaN : lone.median(), group == null ? Double.NaN : group.median(),
                Results.peerSeconds(r.sklearn, s.name()), Results.peerSeconds(r.torch64, s.name()));
    }

    private void write(Markdown m, Targets targets) {
        List<Row> rows = new ArrayList<>();
        for (Shape s : Shape.values()) {
            rows.add(row(s));
        }
        m.line("## Shape matrix");
        m.line();
        m.line("Time per trial on the shapes of issue 10, one thread, side by side in this run. All three train on the "
                + "very same rows: `io.lrsweep.bench.shapes.ShapeData` writes each shape's rows with the project's "
                + "bit-exact make_blobs (`Blobs`) and the engine's split (`SplitData`: the first half trains, the second "
                + "validates) for the peers, and the JMH benchmark builds the same in memory.");
        m.line();
        m.line("- **Ours**: JMH `ShapeBenchmark`, one trial through the engine's public entry point (`io.lrsweep.bench.Engine`, "
                + "today `FusedTrainer.train`), its per-epoch validation pass included; *lone*: one trial at lr "
                + plain(Shape.LEARNING_RATE) + "; *group of 8*: the learning rates " + learningRates()
                + " of one seed trained together, time per trial. Median over the measured iterations (lone: "
                + r.jmhSettings("ShapeBenchmark.lone") + "; group: " + r.jmhSettings("ShapeBenchmark.groupOf8")
                + "). Every trial is checked to have run all its epochs (a diverged one stops early and would be timed short).");
        m.line("- **scikit-learn**: `bench/peers/sklearn_trial.py`, `MLPClassifier(activation='relu', solver='sgd', "
                + "learning_rate_init=0.01, momentum=0, nesterovs_momentum=False, alpha=0, batch_size=32, shuffle=True, "
                + "tol=0, n_iter_no_change=epochs+1, early_stopping=False, max_iter=epochs)`, float64, in a plain loop: "
                + "the wall time of `fit` on the training rows"
                + (r.sklearn == null ? "" : " (scikit-learn " + r.sklearn.path("sklearn_version").asText() + ", numpy "
                + r.sklearn.path("numpy_version").asText() + blas(r.sklearn) + ")")
                + ". It makes no per-epoch validation pass (`fit` has none), so it does less work than ours; every fit is "
                + "checked to have run all its epochs (`n_iter_`). For 2 classes its output is one logistic unit, not a "
                + "2-way softmax.");
        m.line("- **PyTorch**: `bench/peers/torch_trial.py`, our semantics (he/glorot uniform, clipped softmax "
                + "cross-entropy, plain SGD, batch 32 reshuffled every epoch, per-epoch validation), float64"
                + (r.torch64 == null ? "" : ", torch " + r.torch64.path("torch_version").asText() + blas(r.torch64)) + ".");
        m.line("- Peers: one thread (`OMP_NUM_THREADS`, `OPENBLAS_NUM_THREADS`, `MKL_NUM_THREADS` = 1 before numpy "
                + "loads, checked with threadpoolctl; PyTorch also `torch.set_num_threads(1)`); one warm-up trial, then "
                + "the median over " + trials(r.sklearn) + " (scikit-learn) and " + trials(r.torch64) + " (PyTorch) trials.");
        m.line();
        m.line("| shape | rows: train / validation | epochs | data | MFLOP / trial |");
        m.line("|---|---:|---:|---|---:|");
        for (Row row : rows) {
            Shape s = row.shape();
            m.line("| " + s.label + " | " + s.trainRows() + " / " + s.validationRows() + " | " + s.epochs + " | blobs, "
                    + s.classes + " centers, std 2" + (s.standardize ? ", standardised (training rows' statistics)" : " (the study's data)")
                    + " | " + Markdown.f(s.flopsPerTrial() / 1e6, 0) + " |");
        }
        m.line();
        m.line("Time per trial:");
        m.line();
        m.line("| shape | ours, lone (ms) | ours, per trial in a group of 8 (ms) | scikit-learn (s) | scikit-learn / ours lone "
                + "| scikit-learn / ours in a group of 8 | PyTorch float64 (s) | PyTorch / ours lone | PyTorch / ours in a group of 8 |");
        m.line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            m.line("| " + row.shape().label + " | " + Markdown.f(row.loneMs(), 1) + " | " + Markdown.f(row.groupMs(), 1) + " | "
                    + Markdown.f(row.sklearnS(), 3) + " | " + ratio(row.sklearnS() * 1e3 / row.loneMs()) + " | "
                    + ratio(row.sklearnS() * 1e3 / row.groupMs()) + " | "
                    + Markdown.f(row.torchS(), 3) + " | " + ratio(row.torchS() * 1e3 / row.loneMs()) + " | "
                    + ratio(row.torchS() * 1e3 / row.groupMs()) + " |");
        }
        m.line();
        m.line("The targets on scikit-learn are taken on the lone trial (scikit-learn trains one model per `fit`); the "
                + "group column is what a sweep gets, as it trains the learning rates of a seed together.");
        m.line();
        errors(m, "scikit-learn", r.sklearn);
        errors(m, "PyTorch", r.torch64);
        hardware(m, rows);
        targets(targets, rows);
    }

    private void hardware(Markdown m, List<Row> rows) {
        if (peak == null) {
            m.line("Against the hardware: not measured (no `PeakBenchmark` result).");
            m.line();
            return;
        }
        m.line("Against the hardware: FLOPs per trial from the shape (`io.lrsweep.bench.Flops`: per training row the "
                + "forward pass 2·Σ in·out, the kernel gradients 2·Σ in·out and the deltas 2·Σ over the layers above the "
                + "first; per validation row the forward pass; times the epochs) over our time, against this core's "
                + "measured peaks (section 3): vector FMA " + Markdown.f(peak.fma() / 1e9, 1) + " GFLOP/s at " + peak.lanes()
                + " doubles per vector, the physical limit; vector multiply then add " + Markdown.f(peak.mulAdd() / 1e9, 1)
                + " GFLOP/s, the ceiling of an engine that uses no FMA (ours, so that its results are the same bits on "
                + "every CPU).");
        m.line();
        m.line("| shape | ours, lone: GFLOP/s | % of FMA peak | % of mul+add peak | FMA peak / ours "
                + "| in a group of 8: GFLOP/s per trial | % of FMA peak | % of mul+add peak |");
        m.line("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            double lone = row.gflops(row.loneMs()) * 1e9;
            double group = row.gflops(row.groupMs()) * 1e9;
            m.line("| " + row.shape().label + " | " + Markdown.f(lone / 1e9, 2) + " | " + percent(lone / peak.fma()) + " | "
                    + percent(lone / peak.mulAdd()) + " | " + ratio(peak.fma() / lone) + " | " + Markdown.f(group / 1e9, 2)
                    + " | " + percent(group / peak.fma()) + " | " + percent(group / peak.mulAdd()) + " |");
        }
        m.line();
        m.line("Not counted: bias adds, activations, softmax and loss, optimizer updates, and the epoch-0 forward pass "
                + "over both sets; so these rates are a lower bound of the arithmetic done.");
        m.line();
    }

    private void targets(Targets targets, List<Row> rows) {
        targets.group("Issue 10: the engine on the shape matrix (one thread; section [Shape matrix](#shape-matrix))");
        for (Row row : rows) {
            double v = row.sklearnS() * 1e3 / row.loneMs();
            targets.add("scikit-learn / ours, time per trial (lone), " + row.shape().label, ">= " + SKLEARN_RATIO + "x", v,
                    SKLEARN_RATIO, true, ratio(v));
        }
        Row reference = rows.get(Shape.REFERENCE.ordinal()); // rows are in Shape.values() order
        double lone = reference.torchS() * 1e3 / reference.loneMs();
        double group = reference.torchS() * 1e3 / reference.groupMs();
        targets.add("PyTorch / ours, " + Shape.REFERENCE.label + ", lone trial", ">= " + (int) TORCH_RATIO_LONE + "x", lone,
                TORCH_RATIO_LONE, true, ratio(lone));
        targets.add("PyTorch / ours, " + Shape.REFERENCE.label + ", per trial in a group of 8", ">= " + (int) TORCH_RATIO_GROUP + "x",
                group, TORCH_RATIO_GROUP, true, ratio(group));
        for (Row row : rows) {
            if (hiddenUnits(row.shape()) < PEAK_HIDDEN_UNITS) {
                continue;
            }
            double fraction = peak == null ? Double.NaN : row.gflops(row.loneMs()) * 1e9 / peak.fma();
            targets.add("fraction of the vector-FMA peak, " + row.shape().label + " (lone)", ">= " + (int) (100 * PEAK_FRACTION) + "%",
                    fraction, PEAK_FRACTION, true, percent(fraction));
        }
    }

    /** 0.0005, not 5.0E-4. */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String learningRates() {
        List<String> lrs = new ArrayList<>();
        for (double lr : Shape.GROUP_LEARNING_RATES) {
            lrs.add(plain(lr));
        }
        return String.join(", ", lrs);
    }

    private static int hiddenUnits(Shape s) {
        return s.hidden.stream().mapToInt(Integer::intValue).sum();
    }

    private static void errors(Markdown m, String peer, JsonNode result) {
        if (result == null) {
            m.line(peer + ": not measured (the peer did not run; see scripts/bench's output).");
            m.line();
            return;
        }
        for (Shape s : Shape.values()) {
            String error = Results.peerError(result, s.name());
            if (error != null) {
                m.line(peer + " failed on " + s.label + ": `" + error + "`");
                m.line();
            }
        }
    }

    /** ", OpenBLAS 0.3.21" from the peer's threadpoolctl record, or "". */
    private static String blas(JsonNode peer) {
        for (JsonNode pool : peer.path("thread_pools")) {
            if ("blas".equals(pool.path("user_api").asText())) {
                return ", " + pool.path("internal_api").asText() + " " + pool.path("version").asText();
            }
        }
        return "";
    }

    private static String trials(JsonNode peer) {
        if (peer == null) {
            return "n/a";
        }
        for (JsonNode shape : peer.path("shapes")) {
            if (shape.has("trial_s")) {
                return Integer.toString(shape.get("trial_s").size());
            }
        }
        return "n/a";
    }

    private static String ratio(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : Markdown.f(v, v < 10 ? 2 : 1) + "x";
    }

    private static String percent(double fraction) {
        return Markdown.f(100 * fraction, 1) + "%";
    }
}
