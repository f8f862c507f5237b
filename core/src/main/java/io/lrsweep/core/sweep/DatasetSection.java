package io.lrsweep.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.DatasetSpec;
import io.lrsweep.core.data.FileDatasetSpec;
import io.lrsweep.core.data.FileDatasetSpec.ColumnRef;

import java.util.ArrayList;
import java.util.List;

/**
 * The sweep file's {@code dataset} block, read and written. Absent, it is the reference blobs
 * problem. {@code kind} (default blobs) decides which other fields are allowed: blobs takes the
 * make_blobs parameters, csv and parquet a path, a label column and optionally feature columns,
 * libsvm only a path. Every kind takes train_fraction (0.5) and standardize (false).
 */
final class DatasetSection {
    static final String PATH = "dataset";
    static final List<String> BLOBS_FIELDS = List.of("kind", "samples", "centers", "features", "std", "random_state",
            "shuffle", "train_fraction", "standardize");
    static final List<String> TABLE_FIELDS = List.of("kind", "path", "label", "features", "train_fraction", "standardize");
    static final List<String> LIBSVM_FIELDS = List.of("kind", "path", "train_fraction", "standardize");

    private static final double DEFAULT_TRAIN_FRACTION = 0.5;

    private DatasetSection() {}

    static DatasetSpec read(JsonNode node) {
        if (node == null) {
            return BlobsSpec.reference();
        }
        if (!node.isObject()) {
            throw SweepSpecException.at(PATH, "must be a JSON object, got " + JsonFields.describe(node));
        }
        String kind = node.has("kind") ? JsonFields.string(node.get("kind"), PATH + ".kind") : "blobs";
        return switch (kind) {
            case "blobs" -> blobs(JsonFields.of(node, PATH, BLOBS_FIELDS, "in dataset (kind blobs)"));
            case "csv", "parquet" -> file(kind, JsonFields.of(node, PATH, TABLE_FIELDS, "in dataset (kind " + kind + ")"));
            case "libsvm" -> file(kind, JsonFields.of(node, PATH, LIBSVM_FIELDS, "in dataset (kind libsvm)"));
            default -> throw SweepSpecException.at(PATH + ".kind", "must be one of " + DatasetSpec.KINDS + ", got '" + kind + "'");
        };
    }

    private static BlobsSpec blobs(JsonFields f) {
        BlobsSpec r = BlobsSpec.reference();
        int samples = f.integer("samples", r.samples());
        int centers = f.integer("centers", r.centers());
        int features = f.integer("features", r.features());
        double std = f.number("std", r.std());
        long randomState = f.longInteger("random_state", r.randomState());
        boolean shuffle = f.bool("shuffle", r.shuffle());
        double trainFraction = f.number("train_fraction", r.trainFraction());
        boolean standardize = f.bool("standardize", r.standardize());
        try {
            return new BlobsSpec(samples, centers, features, std, randomState, shuffle, trainFraction, standardize);
        } catch (IllegalArgumentException e) {
            throw SweepSpecException.wrap(PATH, BLOBS_FIELDS, e);
        }
    }

    private static FileDatasetSpec file(String kind, JsonFields f) {
        if (!f.has("path")) {
            throw SweepSpecException.at(f.path("path"), "is required for kind " + kind + ": the data file's path");
        }
        String path = f.string("path", null);
        ColumnRef label = null;
        List<ColumnRef> features = List.of();
        if (!kind.equals("libsvm")) {
            if (!f.has("label")) {
                throw SweepSpecException.at(f.path("label"),
                        "is required for kind " + kind + ": a column name (string) or 0-based position (integer)");
            }
            label = column(f.get("label"), f.path("label"));
            features = f.has("features") ? features(f.get("features"), f.path("features"), label) : List.of();
        }
        double trainFraction = f.number("train_fraction", DEFAULT_TRAIN_FRACTION);
        boolean standardize = f.bool("standardize", false);
        try {
            return new FileDatasetSpec(kind, path, label, features, trainFraction, standardize);
        } catch (IllegalArgumentException e) {
            throw SweepSpecException.wrap(PATH, TABLE_FIELDS, e);
        }
    }

    private static List<ColumnRef> features(JsonNode node, String path, ColumnRef label) {
        JsonFields.nonEmptyArray(node, path, "column names or 0-based positions (omit it for every column but the label)");
        List<ColumnRef> refs = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            ColumnRef ref = column(node.get(i), at);
            if (refs.contains(ref)) {
                throw SweepSpecException.at(at, "repeats the column " + ref + " (each feature column may appear once)");
            }
            if (ref.equals(label)) {
                throw SweepSpecException.at(at, "is the label column " + ref + "; a feature cannot be the label");
            }
            refs.add(ref);
        }
        return refs;
    }

    private static ColumnRef column(JsonNode n, String path) {
        if (n != null && n.isTextual() && !n.textValue().isEmpty()) {
            return ColumnRef.named(n.textValue());
        }
        if (n != null && n.isIntegralNumber() && n.canConvertToInt() && n.intValue() >= 0) {
            return ColumnRef.at(n.intValue());
        }
        throw SweepSpecException.at(path, "must be a column name (non-empty string) or a 0-based position (integer >= 0), got "
                + JsonFields.describe(n));
    }

    static ObjectNode write(DatasetSpec d) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("kind", d.kind());
        if (d instanceof BlobsSpec b) {
            o.put("samples", b.samples());
            o.put("centers", b.centers());
            o.put("features", b.features());
            o.put("std", b.std());
            o.put("random_state", b.randomState());
            o.put("shuffle", b.shuffle());
        } else if (d instanceof FileDatasetSpec f) {
            o.put("path", f.path());
            if (f.label() != null) {
                putColumn(o, "label", f.label());
            }
            if (!f.features().isEmpty()) {
                ArrayNode cols = o.putArray("features");
                for (ColumnRef c : f.features()) {
                    if (c.name() != null) {
                        cols.add(c.name());
                    } else {
                        cols.add(c.index());
                    }
                }
            }
        }
        o.put("train_fraction", d.trainFraction());
        o.put("standardize", d.standardize());
        return o;
    }

    private static void putColumn(ObjectNode o, String key, ColumnRef c) {
        if (c.name() != null) {
            o.put(key, c.name());
        } else {
            o.put(key, c.index());
        }
    }
}
