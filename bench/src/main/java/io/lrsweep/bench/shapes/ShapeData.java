package io.lrsweep.bench.shapes;

import io.lrsweep.bench.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes every shape's rows as CSV and {@code shapes.json}, the matrix as the Python peers read
 * it (shape, rows, epochs, batch size, learning rate: all from {@link Shape}, nothing restated in
 * Python). Usage: {@code ShapeData OUT_DIR}
 */
public final class ShapeData {
    private ShapeData() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        List<Map<String, Object>> shapes = new ArrayList<>();
        for (Shape s : Shape.values()) {
            String csv = s.name() + ".csv";
            ShapeProblem.of(s).writeCsv(dir.resolve(csv));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("label", s.label);
            m.put("csv", csv);
            m.put("features", s.features);
            m.put("hidden", s.hidden);
            m.put("classes", s.classes);
            m.put("train_rows", s.trainRows());
            m.put("validation_rows", s.validationRows());
            m.put("epochs", s.epochs);
            m.put("batch_size", Shape.BATCH_SIZE);
            m.put("learning_rate", Shape.LEARNING_RATE);
            shapes.add(m);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("shapes", shapes);
        Json.write(dir.resolve("shapes.json"), manifest);
    }
}
