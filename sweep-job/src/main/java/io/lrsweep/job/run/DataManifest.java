package io.lrsweep.job.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * {@code data.json} in the output directory: the content hash of the data the trials were run on
 * (the same {@code dataset.content_sha256} that is part of every trial id) and its shape. With
 * {@code sweep.json} it names the trials of the grid as it stands, so that {@code report} can tell
 * them from trials of an earlier grid or earlier data without reading the data again.
 */
public record DataManifest(String contentSha256, int trainRows, int validationRows, int features, int classes,
                           boolean standardized) {

    public static final String FILE = "data.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static DataManifest of(PreparedData data, boolean standardized) {
        return new DataManifest(data.contentSha256(), data.train().rows(), data.validation().rows(),
                data.train().featureCount(), data.train().classCount(), standardized);
    }

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("content_sha256", contentSha256);
        n.put("covers", "SHA-256 of the training and validation rows as loaded, split (and standardised): "
                + "every feature's bits and every label; part of every trial id");
        n.put("train_rows", trainRows);
        n.put("validation_rows", validationRows);
        n.put("features", features);
        n.put("classes", classes);
        n.put("standardized", standardized);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /** Parses data.json; an IllegalArgumentException names what is wrong. */
    public static DataManifest parse(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            String sha = n.path("content_sha256").asText("");
            if (!sha.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("content_sha256 is not a SHA-256: '" + sha + "'");
            }
            return new DataManifest(sha, n.path("train_rows").asInt(), n.path("validation_rows").asInt(),
                    n.path("features").asInt(), n.path("classes").asInt(), n.path("standardized").asBoolean());
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }
}
