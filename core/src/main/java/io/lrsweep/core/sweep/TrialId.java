package io.lrsweep.core.sweep;

import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.DatasetSpec;
import io.lrsweep.core.data.FileDatasetSpec;
import io.lrsweep.core.data.FileDatasetSpec.ColumnRef;
import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.optim.OptimizerSpec;
import io.lrsweep.core.optim.Optimizers;
import io.lrsweep.core.schedule.PlateauSpec;
import io.lrsweep.core.schedule.Schedule;
import io.lrsweep.core.train.TrainingSpec;
import io.lrsweep.core.train.TrialSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A trial's stable id: the first 16 hex digits (64 bits) of the SHA-256 of {@link #canonicalText},
 * an explicit text of everything that decides the trial's result. The sweep's name and the trial's
 * index are left out on purpose, so that a grown grid, a reordered axis or a renamed sweep still
 * finds the trials it already ran.
 *
 * <p>The text (version {@value #VERSION}) is one {@code key=value} line per setting, each ending in
 * {@code \n}, in this order: the version line; {@code dataset.*} (every field of the dataset spec);
 * {@code dataset.content_sha256}, the SHA-256 of the data the trial trains and validates on as
 * loaded and split (computed where the data is loaded, see the sweep job's {@code PreparedData}), so
 * that changed data at an unchanged path never reuses a trial, or {@value #CONTENT_NOT_READ} for ids
 * made without reading the data, which never match a run's;
 * {@code model.hidden}, {@code model.activation}; {@code training.epochs}, {@code batch_size},
 * {@code shuffle}, {@code loss}, {@code training.schedule.kind} and every parameter of that kind
 * in its declared order ({@link io.lrsweep.core.schedule.ScheduleKind}); {@code optimizer.name} and
 * every field of that optimizer in its declared order ({@link io.lrsweep.core.optim.OptimizerType}:
 * learning_rate, its own, decay, weight_decay); {@code plateau=none} or every
 * {@code plateau.*} field including patience; {@code seed}. Doubles are written with
 * {@link Double#toString(double)} (shortest text that reads back to the same bits), integers and
 * booleans in the usual way, fixed words (kinds, activation, monitor, variant) bare, and free text
 * (paths, column names) as JSON string literals. Changing any of this changes every id: bump
 * {@link #VERSION} when doing so. Bump it too when the engine's arithmetic changes the bits of a
 * trial's results. v2 was two texts on two branches (one added {@code training.loss} and the
 * engine of 2026-11-30, whose sums are defined in the model package; the other added
 * {@code dataset.content_sha256}); v3 is their union, with the schedule's parameters and the
 * optimizer's weight decay (issue 13), so that no id of either matches.
 */
public final class TrialId {

    /** The canonical text's version, its first line. */
    public static final String VERSION = "lrsweep-trial-id v3";

    /** The content line's value when the data was not read: such ids never match a run's. */
    public static final String CONTENT_NOT_READ = "not-read";

    private static final java.util.regex.Pattern SHA256_HEX = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    private TrialId() {}

    /**
     * The id of the trial that trains {@code settings} with {@code seed} on {@code dataset}, whose
     * loaded and split content has the SHA-256 {@code dataContent} (or {@link #CONTENT_NOT_READ}).
     */
    public static String of(DatasetSpec dataset, String dataContent, TrialSettings settings, long seed) {
        return sha256Hex(canonicalText(dataset, dataContent, settings, seed)).substring(0, 16);
    }

    /** The full SHA-256 of {@code text}'s UTF-8 bytes, as 64 lower-case hex digits. */
    static String sha256Hex(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** The text that is hashed; see the class comment for its exact layout. */
    public static String canonicalText(DatasetSpec dataset, String dataContent, TrialSettings settings, long seed) {
        StringBuilder b = new StringBuilder(640);
        b.append(VERSION).append('\n');
        dataset(b, dataset);
        line(b, "dataset.content_sha256", checkedContent(dataContent));
        model(b, settings.model());
        training(b, settings.training());
        optimizer(b, settings.optimizer());
        plateau(b, settings.plateau());
        line(b, "seed", Long.toString(seed));
        return b.toString();
    }

    private static void dataset(StringBuilder b, DatasetSpec d) {
        line(b, "dataset.kind", d.kind());
        if (d instanceof BlobsSpec s) {
            line(b, "dataset.samples", Integer.toString(s.samples()));
            line(b, "dataset.centers", Integer.toString(s.centers()));
            line(b, "dataset.features", Integer.toString(s.features()));
            line(b, "dataset.std", Double.toString(s.std()));
            line(b, "dataset.random_state", Long.toString(s.randomState()));
            line(b, "dataset.shuffle", Boolean.toString(s.shuffle()));
        } else if (d instanceof FileDatasetSpec f) {
            line(b, "dataset.path", quoted(f.path()));
            line(b, "dataset.label", f.label() == null ? "none" : column(f.label()));
            StringBuilder cols = new StringBuilder("[");
            List<ColumnRef> features = f.features();
            for (int i = 0; i < features.size(); i++) {
                cols.append(i == 0 ? "" : ",").append(column(features.get(i)));
            }
            line(b, "dataset.features", cols.append(']').toString());
        } else {
            throw new IllegalStateException("no canonical text for dataset kind " + d.kind());
        }
        line(b, "dataset.train_fraction", Double.toString(d.trainFraction()));
        line(b, "dataset.standardize", Boolean.toString(d.standardize()));
    }

    private static void model(StringBuilder b, ModelSpec m) {
        line(b, "model.hidden", m.hidden().toString().replace(" ", ""));
        line(b, "model.activation", m.activation().label);
    }

    private static void training(StringBuilder b, TrainingSpec t) {
        line(b, "training.epochs", Integer.toString(t.epochs()));
        line(b, "training.batch_size", Integer.toString(t.batchSize()));
        line(b, "training.shuffle", Boolean.toString(t.shuffle()));
        line(b, "training.loss", t.loss().label);
        Schedule s = t.schedule();
        line(b, "training.schedule.kind", s.kind());
        s.parameters().forEach((key, value) -> line(b, "training.schedule." + key,
                value instanceof Double d ? Double.toString(d) : value.toString()));
    }

    private static void optimizer(StringBuilder b, OptimizerSpec o) {
        line(b, "optimizer.name", o.name());
        Optimizers.of(o).values(o).forEach((key, value) -> line(b, "optimizer." + key,
                value instanceof Double d ? Double.toString(d) : String.valueOf(value)));
    }

    private static void plateau(StringBuilder b, PlateauSpec p) {
        if (p == null) {
            line(b, "plateau", "none");
            return;
        }
        line(b, "plateau.monitor", p.monitor().label);
        line(b, "plateau.factor", Double.toString(p.factor()));
        line(b, "plateau.patience", Integer.toString(p.patience()));
        line(b, "plateau.min_delta", Double.toString(p.minDelta()));
        line(b, "plateau.cooldown", Integer.toString(p.cooldown()));
        line(b, "plateau.min_lr", Double.toString(p.minLr()));
    }

    private static String checkedContent(String dataContent) {
        if (dataContent == null || !(dataContent.equals(CONTENT_NOT_READ) || SHA256_HEX.matcher(dataContent).matches())) {
            throw new IllegalArgumentException("data content must be 64 lower-case hex digits (a SHA-256) or "
                    + CONTENT_NOT_READ + ", got " + dataContent);
        }
        return dataContent;
    }

    private static String column(ColumnRef c) {
        return c.name() != null ? "name:" + quoted(c.name()) : "index:" + c.index();
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append(key).append('=').append(value).append('\n');
    }

    /** A JSON string literal: quote, backslash and control characters escaped, nothing else. */
    static String quoted(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20) {
                q.append(String.format("\\u%04x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
