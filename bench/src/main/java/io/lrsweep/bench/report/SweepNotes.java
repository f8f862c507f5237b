package io.lrsweep.bench.report;

import com.fasterxml.jackson.databind.JsonNode;

/** Section 6: the full-grid overhead check and the 16 / 256 / 4096 trial curves. */
final class SweepNotes {
    private SweepNotes() {}

    static void write(Markdown m, JsonNode scale, Targets targets) {
        double startup = scale.path("session_start_ms").asDouble();
        m.line("`io.lrsweep.bench.sweep.SweepScale`: whole sweeps through `SweepRunner` on local[2], one Spark session "
                + "(start-up " + Markdown.f(startup / 1e3, 1) + " s), default wave size, Parquet to local disk.");
        m.line();
        JsonNode full = scale.get("full_grid");
        if (full != null) {
            double sum = full.path("sum_train_ms").asDouble();
            double wall = full.path("wall_with_start_ms").asDouble();
            double expected = full.path("expected_wall_ms").asDouble();
            m.line("### conf/full-grid.json on local[2]");
            m.line();
            m.line("| trials | sum of trial training times | / 2 cores + start-up | wall, start-up included | ratio |");
            m.line("|---:|---:|---:|---:|---:|");
            m.line("| " + full.path("trials").asInt() + " | " + Markdown.f(sum / 1e3, 1) + " s | " + Markdown.f(expected / 1e3, 1)
                    + " s | " + Markdown.f(wall / 1e3, 1) + " s | " + Markdown.f(wall / expected, 3) + " |");
            m.line();
            m.line("The trials' own training times are the `train_millis` column of `trials/`; their sum over the wall time, "
                    + Markdown.f(sum / full.path("wall_ms").asDouble(), 2) + ", is how many of the 2 cores the trials kept busy.");
            m.line();
            targets.add("full-grid wall / (sum of trial times / 2 + start-up)", "<= 1.15", wall / expected, 1.15, false,
                    Markdown.f(wall / expected, 3));
        }
        JsonNode curve = scale.get("scale");
        if (curve == null || curve.size() == 0) {
            return;
        }
        m.line("### Scale: the learning-rate grid with 2, 32 and 512 seeds");
        m.line();
        m.line("| trials | wall | ms / trial | driver heap after GC | driver heap peak | Parquet bytes / trial |");
        m.line("|---:|---:|---:|---:|---:|---:|");
        double minT = Double.MAX_VALUE, maxT = 0, minH = Double.MAX_VALUE, maxH = 0, minB = Double.MAX_VALUE, maxB = 0;
        for (JsonNode p : curve) {
            double perTrial = p.path("wall_ms_per_trial").asDouble();
            double heap = p.path("driver_heap_after_gc_bytes").asDouble();
            double bytes = p.path("parquet_bytes_per_trial").asDouble();
            m.line("| " + p.path("trials").asInt() + " | " + Markdown.f(p.path("wall_ms").asDouble() / 1e3, 1) + " s | "
                    + Markdown.f(perTrial, 1) + " | " + Markdown.f(heap / (1 << 20), 0) + " MB | "
                    + Markdown.f(p.path("driver_heap_peak_bytes").asDouble() / (1 << 20), 0) + " MB | "
                    + Markdown.f(bytes, 0) + " |");
            minT = Math.min(minT, perTrial);
            maxT = Math.max(maxT, perTrial);
            minH = Math.min(minH, heap);
            maxH = Math.max(maxH, heap);
            minB = Math.min(minB, bytes);
            maxB = Math.max(maxB, bytes);
        }
        m.line();
        m.line("Spread (largest / smallest) over the sizes: time per trial " + Markdown.f(maxT / minT, 2) + ", driver heap "
                + Markdown.f(maxH / minH, 2) + ", Parquet bytes per trial " + Markdown.f(maxB / minB, 2) + ".");
        m.line();
        targets.add("time per trial, 16 / 256 / 4096 trials: largest / smallest", "<= 1.10", maxT / minT, 1.10, false,
                Markdown.f(maxT / minT, 2));
        targets.add("driver heap after GC, 16 / 256 / 4096 trials: largest / smallest", "flat (<= 1.10)", maxH / minH, 1.10,
                false, Markdown.f(maxH / minH, 2));
        targets.add("Parquet bytes per trial, 16 / 256 / 4096: largest / smallest", "flat (<= 1.10)", maxB / minB, 1.10,
                false, Markdown.f(maxB / minB, 2));
    }
}
