package org.dendrite.md.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class RunMetricsTest {
    @Test
    void metricsKeepTheirInsertionOrderAndLatestValue() {
        RunMetrics m = new RunMetrics();
        m.put("E_GPa", 120.0);
        m.put("atoms", 5184L);
        m.putText("fit_window", "0.01-0.03");
        m.put("E_GPa", 121.0);
        assertEquals(List.of("E_GPa", "atoms", "fit_window"), List.copyOf(m.asMap().keySet()));
        assertEquals(121.0, m.asMap().get("E_GPa"));
    }

    @Test
    void aNonFiniteMetricIsRefusedRatherThanWrittenAsNaN() {
        RunMetrics m = new RunMetrics();
        assertThrows(IllegalArgumentException.class, () -> m.put("D_Li_cm2_per_s", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> m.put("E_GPa", Double.POSITIVE_INFINITY));
    }

    @Test
    void aMetricNameMustBeOneWord() {
        RunMetrics m = new RunMetrics();
        assertThrows(IllegalArgumentException.class, () -> m.put("Young modulus", 1.0));
    }
}
