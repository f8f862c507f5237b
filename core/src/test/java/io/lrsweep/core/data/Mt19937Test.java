package io.lrsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Mt19937Test {

    @Test
    void matchesTheReferenceMersenneTwisterOutput() {
        // Matsumoto and Nishimura's mt19937ar.c: init_genrand(5489) first outputs.
        Mt19937 rng = new Mt19937(5489);
        assertEquals(3499211612L, rng.next32() & 0xFFFF_FFFFL);
        assertEquals(581869302L, rng.next32() & 0xFFFF_FFFFL);
        assertEquals(3890346734L, rng.next32() & 0xFFFF_FFFFL);
        assertEquals(3, rng.draws());
    }

    @Test
    void matchesNumpyRandomStateZero() {
        // numpy.random.RandomState(0).random_sample() and .randn(6)
        assertEquals(0.5488135039273248, new Mt19937(0).nextDouble());
        Mt19937 rng = new Mt19937(0);
        double[] expected = {1.764052345967664, 0.4001572083672233, 0.9787379841057392,
            2.240893199201458, 1.8675579901499675, -0.977277879876411};
        for (double value : expected) {
            assertEquals(value, rng.gauss(), 1e-15);
        }
    }

    @Test
    void randomIntervalStaysInRangeAndSkipsDrawsForZero() {
        Mt19937 rng = new Mt19937(1);
        assertEquals(0, rng.randomInterval(0));
        assertEquals(0, rng.draws());
        int[] counts = new int[6];
        for (int i = 0; i < 6000; i++) {
            counts[(int) rng.randomInterval(5)]++;
        }
        for (int count : counts) {
            assertTrue(count > 850 && count < 1150, "count " + count + " of 6000 draws in [0, 5]");
        }
        long before = rng.draws();
        long big = rng.randomInterval(0x1_0000_0000L);
        assertTrue(big >= 0 && big <= 0x1_0000_0000L);
        assertEquals(0, (rng.draws() - before) % 2, "64-bit values take two draws each");
        assertThrows(IllegalArgumentException.class, () -> rng.randomInterval(-1));
    }

    @Test
    void uniformScalesTheDouble() {
        Mt19937 a = new Mt19937(9);
        Mt19937 b = new Mt19937(9);
        assertEquals(-10.0 + 20.0 * b.nextDouble(), a.uniform(-10.0, 10.0));
        assertEquals(2, a.draws());
    }

    @Test
    void seedOutsideUnsigned32BitsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Mt19937(-1));
        assertTrue(e.getMessage().contains("random_state"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Mt19937(0x1_0000_0000L));
    }
}
