package io.lrsweep.job.table;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The stored sweep outputs under test resources {@code analysis-regression/} (see its README). */
public final class Fixtures {
    public static final String[] NAMES = {"fixture-lr-momentum", "fixture-optimizers", "fixture-defaults", "fixture-hand-made"};

    private Fixtures() {}

    public static Path dir(String name) {
        URL url = Fixtures.class.getResource("/analysis-regression/" + name);
        if (url == null) {
            throw new IllegalStateException("no fixture " + name + " on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
