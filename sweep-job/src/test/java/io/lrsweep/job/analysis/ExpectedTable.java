package io.lrsweep.job.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table stored as TSV (header row; {@code \N} is null): the Spark SQL analysis's output on a fixture. */
record ExpectedTable(List<Map<String, String>> rows) {

    static ExpectedTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i].equals("\\N") ? null : cells[i]);
            }
            rows.add(row);
        }
        return new ExpectedTable(rows);
    }

    /** The row's key: the values of {@code columns}, as written (doubles by Double.toString). */
    static String key(Map<String, ?> row, List<String> columns) {
        List<String> parts = new ArrayList<>();
        for (String c : columns) {
            Object v = row.get(c);
            parts.add(v == null ? "null" : v instanceof Number n && !(v instanceof Double) ? n.toString() : String.valueOf(v));
        }
        return String.join("|", parts);
    }
}
