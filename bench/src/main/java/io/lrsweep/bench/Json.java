package io.lrsweep.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** Result files of the benchmark mains (JSON, one object per file) and the statistics they hold. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    public static void write(Path file, Map<String, Object> values) throws IOException {
        MAPPER.writeValue(file.toFile(), values);
    }

    public static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }

    public static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
