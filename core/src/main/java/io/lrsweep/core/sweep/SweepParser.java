package io.lrsweep.core.sweep;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.lrsweep.core.data.DatasetSpec;
import io.lrsweep.core.model.ModelSpec;
import io.lrsweep.core.train.TrainingSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a sweep file strictly: plain JSON (no comments, no trailing commas, no NaN, no trailing
 * content), no duplicate keys, no unknown fields anywhere, no type coercion, bounded in size
 * ({@value #MAX_DOCUMENT_BYTES} bytes) and depth ({@value #MAX_NESTING_DEPTH}). The document is
 * read as a Jackson tree and walked by hand, one section class per block, so nothing in the file
 * can pick a Java type (no polymorphic or default typing). Every problem is reported as a
 * {@link SweepSpecException} naming the field's JSON path, the value and what is allowed.
 *
 * <p>Besides each field's own rules, a sweep is refused when its settings contradict each other:
 * an {@code optimizers} entry for an optimizer the grid does not use, a base learning_rate,
 * weight_decay or nesterov there while the grid gives that axis, {@code training.schedule} or
 * {@code training.batch_size} or {@code model.hidden} while the grid gives that axis, a
 * {@code plateau} block with every patience null, Nesterov with every momentum 0 or without sgd, a
 * non-zero momentum without sgd, a schedule that cannot fit the epochs; and when it expands to more than
 * {@link SweepSpec#MAX_TRIALS} trials, unless large sweeps are allowed.
 */
public final class SweepParser {

    public static final int MAX_DOCUMENT_BYTES = 1 << 20;
    public static final int MAX_NESTING_DEPTH = 64;

    static final List<String> FIELDS = List.of("name", "dataset", "model", "training", "optimizers", "plateau", "grid", "seeds",
            "analysis", "refinement");

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxDocumentLength(MAX_DOCUMENT_BYTES)
                            .maxNumberLength(64)
                            .maxStringLength(64 * 1024)
                            .maxNameLength(256)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private SweepParser() {}

    /** Parses a sweep file, refusing sweeps over {@link SweepSpec#MAX_TRIALS} trials. */
    public static SweepSpec parse(Path file) throws IOException {
        return parse(file, false);
    }

    /**
     * Parses a sweep file; {@code allowLarge} lifts the {@link SweepSpec#MAX_TRIALS} limit.
     * Throws {@link IOException} when the file cannot be read, {@link SweepSpecException} when it
     * is not a valid sweep.
     */
    public static SweepSpec parse(Path file, boolean allowLarge) throws IOException {
        long size = Files.size(file);
        if (size > MAX_DOCUMENT_BYTES) {
            throw new SweepSpecException("", "sweep file " + file + " has " + size + " bytes, more than the limit of "
                    + MAX_DOCUMENT_BYTES);
        }
        byte[] bytes = Files.readAllBytes(file);
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
        return fromTree(root, allowLarge);
    }

    /** Parses sweep JSON text, refusing sweeps over {@link SweepSpec#MAX_TRIALS} trials. */
    public static SweepSpec parse(String json) {
        return parse(json, false);
    }

    /** Parses sweep JSON text; {@code allowLarge} lifts the {@link SweepSpec#MAX_TRIALS} limit. */
    public static SweepSpec parse(String json, boolean allowLarge) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
        return fromTree(root, allowLarge);
    }

    private static SweepSpecException malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String field = e.getProcessor() instanceof JsonParser p ? pathOf(p.getParsingContext()) : "";
        String in = field.isEmpty() ? "" : " (in " + field + ")";
        String detail = e.getOriginalMessage();
        if (detail != null && detail.startsWith("Trailing token")) {
            detail = "content after the end of the top-level JSON object";
        } else if (detail != null) {
            // Drop Jackson's advice to Java programmers (features to enable, where a limit comes from).
            int enable = detail.indexOf(": enable `");
            detail = enable < 0 ? detail : detail.substring(0, enable) + " (strict JSON only)";
            detail = detail.replaceAll("Source: REDACTED \\(`[A-Za-z_.]+` disabled\\); ", "")
                    .replaceAll(", from `[A-Za-z_.()]+`", "");
        }
        return new SweepSpecException(field, "malformed JSON" + where + in + ": " + detail, e);
    }

    /** The dotted JSON path ({@code grid.momentum[1]}) of where the parser stopped. */
    private static String pathOf(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                path.insert(0, (path.length() == 0 || path.charAt(0) == '[' ? "" : ".")).insert(0, c.getCurrentName());
            }
        }
        return path.toString();
    }

    static SweepSpec fromTree(JsonNode root, boolean allowLarge) {
        if (root == null || root.isMissingNode()) {
            throw new SweepSpecException("", "empty document: a sweep file is a JSON object with at least a name");
        }
        JsonFields top = JsonFields.of(root, "", FIELDS);
        if (!top.has("name")) {
            throw SweepSpecException.at("name", "is required: 1 to 100 characters from [A-Za-z0-9._-]");
        }
        String name = top.string("name", null);
        DatasetSpec dataset = DatasetSection.read(top.get("dataset"));
        ModelSpec model = ModelSection.read(top.get("model"));
        TrainingSpec training = TrainingSection.read(top.get("training"));
        OptimizersSection.Read optimizers = OptimizersSection.read(top.get("optimizers"));
        PlateauTemplate plateau = PlateauSection.read(top.get("plateau"));
        Grid grid = GridSection.read(top.get("grid"));
        List<Long> seeds = GridSection.seeds(top.get("seeds"));
        AnalysisSpec analysis = AnalysisSection.read(top.get("analysis"));
        Refinement refinement = RefinementSection.read(top.get("refinement"));

        for (String configured : optimizers.configured()) {
            if (!grid.optimizers().contains(configured)) {
                throw SweepSpecException.at("optimizers." + configured, "configures " + configured
                        + ", which grid.optimizer " + grid.optimizers() + " does not use; add it to the grid or drop the entry");
            }
        }
        optimizers.baseValues().forEach((key, paths) -> {
            if (grid.gives(key)) {
                throw SweepSpecException.at(paths.get(0), key.equals("learning_rate")
                        ? "sets a base learning rate, which only applies without grid.learning_rate; give learning rates in one place"
                        : "sets the single value of grid." + key + ", which the grid gives as an axis; give " + key + " in one place");
            }
        });
        oneValueOrAxis(top.get("training"), "training", "schedule", grid.schedules() != null);
        oneValueOrAxis(top.get("training"), "training", "batch_size", grid.batchSizes() != null);
        oneValueOrAxis(top.get("model"), "model", "hidden", grid.hiddens() != null);
        if (top.has("plateau") && !grid.usesPlateau()) {
            throw SweepSpecException.at("plateau", "is given but every grid.patience is null, so no trial uses it;"
                    + " add a patience to the grid or drop the block");
        }
        return new SweepSpec(name, dataset, model, training, optimizers.templates(), plateau, grid, seeds, analysis,
                refinement).checkSize(allowLarge);
    }

    /** Refuses {@code block.key} when the grid gives {@code key} as an axis too. */
    private static void oneValueOrAxis(JsonNode block, String blockPath, String key, boolean gridGives) {
        if (gridGives && block != null && block.has(key)) {
            throw SweepSpecException.at(blockPath + "." + key, "is given while grid." + key + " gives that axis; give " + key
                    + " in one place (" + blockPath + "." + key + " alone is a one-value grid." + key + ")");
        }
    }
}
