package io.lrsweep.job.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LabelsTest {

    @Test
    void gridValuesPrintAsTyped() {
        assertEquals("1", Labels.num(1.0));
        assertEquals("0.01", Labels.num(0.01));
        assertEquals("0.001", Labels.num(1e-3));
        assertEquals("1e-4", Labels.num(1e-4));
        assertEquals("1e-7", Labels.num(1e-7));
        assertEquals("0", Labels.num(0.0));
        assertEquals("0.99", Labels.num(0.99));
        assertEquals("15", Labels.num(15));
    }

    @Test
    void longValuesAreCutToThreeDigits() {
        assertEquals("3.16e-5", Labels.num(Math.pow(10, -4.5)));
        assertEquals("0.00316", Labels.num(Math.pow(10, -2.5)));
        assertEquals("0.316", Labels.num(Math.sqrt(0.1)));
    }

    @Test
    void measuredValuesKeepTheirDigits() {
        assertEquals("0.414", Labels.sig(0.41419635, 3));
        assertEquals("3.00", Labels.fixed(2.998, 3));
        assertEquals("0.442", Labels.fixed(0.4417, 3));
        assertEquals("–", Labels.sig((Double) null, 3));
    }
}
