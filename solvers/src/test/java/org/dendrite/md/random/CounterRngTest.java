package org.dendrite.md.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CounterRngTest {
    @Test
    @DisplayName("uniform deviates lie in [0, 1) with mean 1/2 and variance 1/12, uncorrelated between neighbouring counters")
    void uniformMoments() {
        CounterRng r = new CounterRng(42, 7);
        int n = 400_000;
        double s = 0, s2 = 0, lag = 0, prev = 0.5;
        for (int i = 0; i < n; i++) {
            double u = r.uniform(i / 3, i % 97, i % 3);
            assertTrue(u >= 0 && u < 1);
            s += u;
            s2 += u * u;
            lag += (u - 0.5) * (prev - 0.5);
            prev = u;
        }
        double mean = s / n;
        double var = s2 / n - mean * mean;
        assertEquals(0.5, mean, 5 * Math.sqrt(1.0 / 12 / n));
        assertEquals(1.0 / 12, var, 2e-3 / 12 * 5);
        assertEquals(0.0, lag / n / (1.0 / 12), 5 / Math.sqrt(n));
    }

    @Test
    @DisplayName("Gaussian deviates have mean 0, variance 1 and kurtosis 3")
    void gaussianMoments() {
        CounterRng r = new CounterRng(1, 2);
        int n = 400_000;
        double s = 0, s2 = 0, s4 = 0;
        for (int i = 0; i < n; i++) {
            double g = r.gaussian(i, 17, i % 5);
            s += g;
            s2 += g * g;
            s4 += g * g * g * g;
        }
        assertEquals(0.0, s / n, 5 / Math.sqrt(n));
        assertEquals(1.0, s2 / n, 5 * Math.sqrt(2.0 / n));
        assertEquals(3.0, s4 / n, 5 * Math.sqrt(96.0 / n));
    }

    @Test
    @DisplayName("numbers depend only on (seed, stream, step, atom, counter): same inputs same value, any change a new value")
    void purelyCounterBased() {
        CounterRng a = new CounterRng(5, CounterRng.PURPOSE_LANGEVIN);
        CounterRng b = new CounterRng(5, CounterRng.PURPOSE_LANGEVIN);
        assertEquals(a.bits(10, 3, 1), b.bits(10, 3, 1));
        long base = a.bits(10, 3, 1);
        assertNotEquals(base, a.bits(11, 3, 1));
        assertNotEquals(base, a.bits(10, 4, 1));
        assertNotEquals(base, a.bits(10, 3, 2));
        assertNotEquals(base, new CounterRng(6, CounterRng.PURPOSE_LANGEVIN).bits(10, 3, 1));
        assertNotEquals(base, CounterRng.forStage(5, CounterRng.PURPOSE_LANGEVIN, 1).bits(10, 3, 1));
        assertNotEquals(CounterRng.forStage(5, CounterRng.PURPOSE_LANGEVIN, 1).bits(10, 3, 1),
                CounterRng.forStage(5, CounterRng.PURPOSE_LANGEVIN, 2).bits(10, 3, 1));
    }
}
