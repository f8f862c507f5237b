package io.lrsweep.core.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a sweep in the sweep-file format with every default filled in: the output directory's
 * {@code sweep.json}, and what {@code lrsweep validate} prints. Seeds are written as a list; when the
 * grid has no learning-rate axis each optimizer's base learning rate is written in its
 * {@code optimizers} entry; {@code optimizers} lists exactly the grid's optimizers, and
 * {@code plateau} appears only when some trial uses it (the parser refuses the other cases as
 * contradictions). Reading the output back gives the same trials with the same ids.
 */
public final class SweepWriter {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SweepWriter() {}

    /** The resolved sweep as a JSON tree, keys in the order of the format description. */
    public static ObjectNode toTree(SweepSpec spec) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", spec.name());
        o.set("dataset", DatasetSection.write(spec.dataset()));
        o.set("model", ModelSection.write(spec.model(), spec.grid()));
        o.set("training", TrainingSection.write(spec.training(), spec.grid()));
        o.set("optimizers", OptimizersSection.write(spec.optimizers(), spec.grid()));
        if (spec.grid().usesPlateau()) {
            o.set("plateau", PlateauSection.write(spec.plateau()));
        }
        o.set("grid", GridSection.write(spec.grid()));
        o.set("seeds", GridSection.writeSeeds(spec.seeds()));
        o.set("analysis", AnalysisSection.write(spec.analysis()));
        if (!spec.refinement().rounds().isEmpty()) {
            o.set("refinement", RefinementSection.write(spec.refinement()));
        }
        return o;
    }

    /** The resolved sweep as indented JSON text ending in a newline. */
    public static String toJson(SweepSpec spec) {
        try {
            return MAPPER.writeValueAsString(toTree(spec)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of plain values always serializes", e);
        }
    }

    /** Writes {@link #toJson} to {@code file} in UTF-8. */
    public static void write(SweepSpec spec, Path file) throws IOException {
        Files.writeString(file, toJson(spec), StandardCharsets.UTF_8);
    }
}
