package io.lrsweep.core.model;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every lane of {@link ElementaryLanes} is bit for bit {@link Elementary} of that lane, over half a
 * million arguments per function (see {@link ElementaryInputs}), at the preferred species: the
 * one the engine uses. The other widths and JVM settings run in child JVMs
 * ({@code ElementaryJvmFlagsTest}), so that this JVM's profiles of {@link ElementaryLanes} keep a
 * single vector class. Skipped on a JVM without the Vector API module (the test class itself
 * touches no vector class, so it still loads there).
 */
class ElementaryLanesTest {
    private static final int COUNT = 1 << 19;

    @BeforeAll
    static void needsTheVectorApi() {
        Assumptions.assumeTrue(VectorSupport.available(), "no jdk.incubator.vector in this JVM");
    }

    private static void check(String function) {
        double[] in = ElementaryInputs.forFunction(function, COUNT, 7);
        double[] scalar = ElementaryInputs.applyScalar(function, in);
        double[] lanes = ElementaryLanesRunner.apply(function, "preferred", in);
        for (int i = 0; i < COUNT; i++) {
            if (ElementaryInputs.canonicalBits(lanes[i]) != ElementaryInputs.canonicalBits(scalar[i])) {
                double x = in[i];
                assertEquals(Double.toHexString(scalar[i]), Double.toHexString(lanes[i]),
                        function + "(" + Double.toHexString(x) + ") in lane "
                                + i % ElementaryLanesRunner.preferredLanes());
            }
        }
    }

    @Test
    void exp() {
        check("exp");
    }

    @Test
    void expm1() {
        check("expm1");
    }

    @Test
    void log() {
        check("log");
    }

    @Test
    void tanh() {
        check("tanh");
    }

    @Test
    void sigmoid() {
        check("sigmoid");
    }
}
