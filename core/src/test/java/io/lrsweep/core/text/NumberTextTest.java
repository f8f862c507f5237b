package io.lrsweep.core.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Numbers as people write them, and read back to the same double. */
class NumberTextTest {

    @Test
    void writesNumbersAsPeopleDo() {
        assertEquals("25", NumberText.of(25.0));
        assertEquals("10000", NumberText.of(1e4));
        assertEquals("0.3", NumberText.of(0.3));
        assertEquals("0.001", NumberText.of(0.001));
        assertEquals("0", NumberText.of(0.0));
        assertEquals("1e-7", NumberText.of(1e-7));
        assertEquals("1e-5", NumberText.of(0.00001));
        assertEquals("2.5e-4", NumberText.of(2.5e-4));
        assertEquals("-1.5e-8", NumberText.of(-1.5e-8));
        assertEquals("3", NumberText.of(Integer.valueOf(3)));
        for (double d : new double[]{0.1 + 0.2, 1e-300, 123456.789, 7e-4, 0.9999999999999999}) {
            assertEquals(d, Double.parseDouble(NumberText.of(d)), 0.0, "reads back: " + d);
        }
    }
}
